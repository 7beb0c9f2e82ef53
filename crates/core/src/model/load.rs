//! Loading a model from bytes or a file, refusing another major schema version.

use std::path::Path;

use super::types::{Model, SCHEMA_VERSION};

/// Why a model could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: not a baogao model: {message}")]
    Parse { path: String, message: String },
    /// The model parses but breaks its own rules (what `baogao check`
    /// lists); the first problem is named.
    #[error(
        "{path}: an invalid model ({problems} problem(s); `baogao check` lists them): {first}"
    )]
    Invalid {
        path: String,
        first: String,
        problems: usize,
    },
    #[error("{path}: model schema version {found} is not supported (this baogao reads {expected}.x); rebuild it with `baogao build`")]
    Version {
        path: String,
        found: String,
        expected: String,
    },
}

fn major(v: &str) -> &str {
    v.split('.').next().unwrap_or(v)
}

/// Parse a model, checking the schema version. The model is parsed once; only
/// when that fails is the version read on its own, so a model of another major
/// version gets a version error rather than a field error.
pub fn load_bytes(bytes: &[u8], path: &str) -> Result<Model, ModelError> {
    // a UTF-8 byte-order mark (editors on Windows write one) is not JSON
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let version_error = |found: String| ModelError::Version {
        path: path.to_string(),
        found,
        expected: major(SCHEMA_VERSION).to_string(),
    };
    match serde_json::from_slice::<Model>(bytes) {
        Ok(m) if major(&m.schema_version) == major(SCHEMA_VERSION) => Ok(m),
        Ok(m) => Err(version_error(m.schema_version)),
        Err(full) => {
            #[derive(serde::Deserialize)]
            struct Head {
                schema_version: Option<serde_json::Value>,
            }
            let parse_error = |message: String| ModelError::Parse {
                path: path.to_string(),
                message,
            };
            let head: Head =
                serde_json::from_slice(bytes).map_err(|e| parse_error(e.to_string()))?;
            match head.schema_version {
                Some(serde_json::Value::String(v)) if major(&v) != major(SCHEMA_VERSION) => {
                    Err(version_error(v))
                }
                Some(serde_json::Value::String(_)) => Err(parse_error(full.to_string())),
                Some(other) => Err(version_error(other.to_string())),
                None => Err(parse_error("no schema_version field".into())),
            }
        }
    }
}

/// `Ok` when `validate` finds nothing, else the error naming the first problem.
pub fn valid(problems: Vec<String>, path: &str) -> Result<(), ModelError> {
    match problems.first() {
        None => Ok(()),
        Some(first) => Err(ModelError::Invalid {
            path: path.to_string(),
            first: first.clone(),
            problems: problems.len(),
        }),
    }
}

/// Read and parse a model file.
pub fn load_path(path: &Path) -> Result<Model, ModelError> {
    let shown = path.display().to_string();
    if path.is_dir() {
        return Err(ModelError::Read {
            path: shown,
            source: std::io::Error::other("is a directory"),
        });
    }
    let bytes = std::fs::read(path).map_err(|e| ModelError::Read {
        path: shown.clone(),
        source: e,
    })?;
    load_bytes(&bytes, &shown)
}

/// The exact bytes `build` writes for a model (pretty JSON, trailing newline).
pub fn model_json(m: &Model) -> Result<String, serde_json::Error> {
    let mut s = serde_json::to_string_pretty(m)?;
    s.push('\n');
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_model_after_a_byte_order_mark_loads() {
        let json = br#"{"schema_version":"1.1","generator":"x","reports":[]}"#;
        let with_bom = [&b"\xEF\xBB\xBF"[..], &json[..]].concat();
        assert_eq!(
            load_bytes(&with_bom, "m.json").unwrap(),
            load_bytes(json, "m.json").unwrap()
        );
    }

    #[test]
    fn other_major_version_is_a_clear_error() {
        let err = load_bytes(
            br#"{"schema_version":"2.0","generator":"x","reports":[]}"#,
            "m.json",
        )
        .unwrap_err();
        assert!(matches!(err, ModelError::Version { .. }), "{err}");
        assert!(err.to_string().contains("2.0"));
    }

    #[test]
    fn same_major_other_minor_loads() {
        let m = load_bytes(
            br#"{"schema_version":"1.7","generator":"x","reports":[]}"#,
            "m.json",
        )
        .unwrap();
        assert!(m.reports.is_empty());
    }

    #[test]
    fn other_major_version_with_other_fields_is_still_a_version_error() {
        let err = load_bytes(
            br#"{"schema_version":"3.1","generator":"x","documents":{}}"#,
            "m.json",
        )
        .unwrap_err();
        assert!(matches!(err, ModelError::Version { .. }), "{err}");
        let err = load_bytes(br#"{"schema_version":"1.0","generator":"x"}"#, "m.json").unwrap_err();
        assert!(matches!(err, ModelError::Parse { .. }), "{err}");
        assert!(err.to_string().contains("reports"), "{err}");
    }

    #[test]
    fn garbage_is_a_parse_error() {
        let err = load_bytes(b"\x00\x01not json", "m.json").unwrap_err();
        assert!(matches!(err, ModelError::Parse { .. }));
    }
}
