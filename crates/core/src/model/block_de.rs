//! Reading a [`Block`] from JSON without serde's buffering of internally
//! tagged enums: the derived code first copies a whole block into a generic
//! tree to find its `type`, and a paragraph of a one-line 50 MB report is
//! a tree of 700,000 sentences, several times the size of the report
//! (docs/RELIABILITY.md, build memory). Here the fields are read in any
//! order straight into their types. Only deserialization lives here; the
//! JSON is the one `#[derive(Serialize)]` writes.

use super::types::{Block, Paragraph, Sentence, Span};
use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use std::fmt;

const VARIANTS: &[&str] = &["paragraph", "table"];

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Block, D::Error> {
        d.deserialize_map(BlockVisitor)
    }
}

struct BlockVisitor;

/// The fields of every variant, as they are met.
#[derive(Default)]
struct Fields {
    kind: Option<String>,
    id: Option<String>,
    span: Option<Span>,
    sentences: Option<Vec<Sentence>>,
    table: Option<String>,
}

fn once<T, E: de::Error>(slot: &mut Option<T>, value: T, name: &'static str) -> Result<(), E> {
    if slot.is_some() {
        return Err(E::duplicate_field(name));
    }
    *slot = Some(value);
    Ok(())
}

fn needed<T, E: de::Error>(slot: Option<T>, name: &'static str) -> Result<T, E> {
    slot.ok_or_else(|| E::missing_field(name))
}

impl<'de> Visitor<'de> for BlockVisitor {
    type Value = Block;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a block (an object with a \"type\" of paragraph or table)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Block, A::Error> {
        let mut f = Fields::default();
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match key.as_ref() {
                "type" => once(&mut f.kind, map.next_value()?, "type")?,
                "id" => once(&mut f.id, map.next_value()?, "id")?,
                "span" => once(&mut f.span, map.next_value()?, "span")?,
                "sentences" => once(&mut f.sentences, map.next_value()?, "sentences")?,
                "table" => once(&mut f.table, map.next_value()?, "table")?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        match needed::<_, A::Error>(f.kind, "type")?.as_str() {
            "paragraph" => Ok(Block::Paragraph(Paragraph {
                id: needed(f.id, "id")?,
                span: needed(f.span, "span")?,
                sentences: {
                    // read with doubling, kept exact (as the derived code did)
                    let mut s: Vec<Sentence> = needed(f.sentences, "sentences")?;
                    s.shrink_to_fit();
                    s
                },
            })),
            "table" => Ok(Block::Table {
                table: needed(f.table, "table")?,
            }),
            other => Err(de::Error::unknown_variant(other, VARIANTS)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para() -> Block {
        Block::Paragraph(Paragraph {
            id: "r:s1:p1".into(),
            span: Span(3, 9),
            sentences: vec![Sentence {
                id: "r:s1:p1.1".into(),
                text: "增长5%。".into(),
                span: Span(3, 9),
            }],
        })
    }

    #[test]
    fn blocks_read_back_what_serialize_writes() {
        for b in [
            para(),
            Block::Table {
                table: "r:t1".into(),
            },
        ] {
            let json = serde_json::to_string(&b).unwrap();
            assert_eq!(serde_json::from_str::<Block>(&json).unwrap(), b);
        }
    }

    #[test]
    fn fields_may_come_in_any_order_and_unknown_ones_are_ignored() {
        let json = r#"{"sentences":[{"id":"r:s1:p1.1","text":"增长5%。","span":[3,9]}],
            "note":{"x":[1,2]},"span":[3,9],"id":"r:s1:p1","type":"paragraph"}"#;
        assert_eq!(serde_json::from_str::<Block>(json).unwrap(), para());
    }

    #[test]
    fn a_bad_block_is_named_as_serde_would_name_it() {
        let cases = [
            (r#"{"type":"figure"}"#, "unknown variant `figure`"),
            (r#"{"type":"table"}"#, "missing field `table`"),
            (
                r#"{"id":"x","span":[0,1],"sentences":[]}"#,
                "missing field `type`",
            ),
            (
                r#"{"type":"table","table":"a","table":"b"}"#,
                "duplicate field `table`",
            ),
            (
                r#"{"type":"paragraph","id":"x","span":[0,1],"sentences":7}"#,
                "invalid type",
            ),
            (r#"[1,2]"#, "invalid type"),
        ];
        for (json, says) in cases {
            let e = serde_json::from_str::<Block>(json).unwrap_err().to_string();
            assert!(e.contains(says), "{json}: {e}");
        }
    }
}
