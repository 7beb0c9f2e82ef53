//! Turning a file's bytes into text: UTF-8 (with or without BOM), UTF-16 with
//! BOM (or obviously UTF-16 without), GB18030/GBK. Empty, binary and
//! undecodable input are clear errors.

/// Decoded text and the name of the encoding it was read in.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Decode report bytes, or say in a few words why not.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    if bytes.is_empty() {
        return Err("empty file".into());
    }
    decode_any(bytes)
}

/// [`decode`] taking the bytes: plain UTF-8 (no byte-order mark, no NUL
/// byte) becomes the text without a copy, and any other input is freed as
/// soon as it is decoded (the builder's peak memory, docs/RELIABILITY.md).
pub fn decode_owned(bytes: Vec<u8>) -> Result<Decoded, String> {
    if bytes.is_empty() {
        return Err("empty file".into());
    }
    let boms: [&[u8]; 3] = [&[0xEF, 0xBB, 0xBF], &[0xFF, 0xFE], &[0xFE, 0xFF]];
    // without a NUL byte it is not UTF-16 without a BOM either, so this is
    // the branch `decode_any` would take
    if !boms.iter().any(|b| bytes.starts_with(b)) && !bytes.contains(&0) {
        return match String::from_utf8(bytes) {
            Ok(text) => checked(text, "UTF-8"),
            Err(e) => decode_any(e.as_bytes()),
        };
    }
    decode_any(&bytes)
}

fn decode_any(bytes: &[u8]) -> Result<Decoded, String> {
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        (utf8(rest)?, "UTF-8")
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        (utf16(rest, encoding_rs::UTF_16LE)?, "UTF-16LE")
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        (utf16(rest, encoding_rs::UTF_16BE)?, "UTF-16BE")
    } else if let Some(enc) = bomless_utf16(bytes) {
        (utf16(bytes, enc)?, enc.name())
    } else if bytes.contains(&0) {
        return Err("binary file (contains NUL bytes), not report text".into());
    } else if let Ok(s) = std::str::from_utf8(bytes) {
        (s.to_string(), "UTF-8")
    } else {
        match encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
            Some(s) => (s.into_owned(), "GB18030"),
            None => {
                // where the text stops being either: the later of the two
                let utf8_ok = std::str::from_utf8(bytes)
                    .err()
                    .map(|e| e.valid_up_to())
                    .unwrap_or(0);
                let at = utf8_ok.max(gb18030_error_offset(bytes));
                return Err(format!(
                    "undecodable bytes at offset {at}: not UTF-8, UTF-16 or GB18030/GBK text"
                ));
            }
        }
    };
    checked(text, encoding)
}

/// Decoded text that is still refused: NUL chars, mostly control chars, or
/// only white space.
fn checked(text: String, encoding: &'static str) -> Result<Decoded, String> {
    if text.chars().any(|c| c == '\0') {
        return Err("binary file (contains NUL characters), not report text".into());
    }
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c'))
        .count();
    if controls > 8 && controls * 50 > text.chars().count() {
        return Err("binary file (mostly control characters), not report text".into());
    }
    if text.trim().is_empty() {
        return Err("empty file (only white space)".into());
    }
    Ok(Decoded { text, encoding })
}

fn utf8(bytes: &[u8]) -> Result<String, String> {
    std::str::from_utf8(bytes).map(str::to_string).map_err(|e| {
        format!(
            "invalid UTF-8 at byte {} after a UTF-8 byte-order mark",
            e.valid_up_to() + 3
        )
    })
}

fn utf16(bytes: &[u8], enc: &'static encoding_rs::Encoding) -> Result<String, String> {
    if !bytes.len().is_multiple_of(2) {
        return Err(format!(
            "truncated {} text (odd number of bytes)",
            enc.name()
        ));
    }
    enc.decode_without_bom_handling_and_without_replacement(bytes)
        .map(|s| s.into_owned())
        .ok_or_else(|| format!("invalid {} text (unpaired surrogate)", enc.name()))
}

/// UTF-16 without a BOM: its NUL bytes (the high byte of every ASCII
/// char: newlines, digits, spaces) sit almost all at odd offsets (LE) or at
/// even ones (BE); CJK chars rarely have a NUL byte. The pattern is only
/// trusted when the text it decodes to reads as text (see `reads_as_text`).
fn bomless_utf16(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    if bytes.len() < 8 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let even_nul = bytes.iter().step_by(2).filter(|b| **b == 0).count();
    let odd_nul = bytes.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    let enc = if odd_nul > 4 * even_nul.max(1) {
        encoding_rs::UTF_16LE
    } else if even_nul > 4 * odd_nul.max(1) {
        encoding_rs::UTF_16BE
    } else {
        return None;
    };
    let text = enc.decode_without_bom_handling_and_without_replacement(bytes)?;
    reads_as_text(&text).then_some(enc)
}

/// Whether nearly all chars are what reports are written in: ASCII text,
/// white space, CJK ideographs and punctuation (binary data read as UTF-16
/// gives scattered code points instead).
fn reads_as_text(s: &str) -> bool {
    let (mut good, mut all) = (0usize, 0usize);
    for c in s.chars() {
        all += 1;
        if c.is_ascii_graphic()
            || c.is_whitespace()
            || matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}' | '\u{2000}'..='\u{206F}')
        {
            good += 1;
        }
    }
    all > 0 && good * 10 >= all * 9
}

/// The byte offset of the first sequence GB18030 cannot decode (the
/// length when it can decode everything).
fn gb18030_error_offset(bytes: &[u8]) -> usize {
    use encoding_rs::DecoderResult;
    let mut dec = encoding_rs::GB18030.new_decoder_without_bom_handling();
    let cap = dec
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(usize::MAX / 4);
    let mut out = String::with_capacity(cap.min(bytes.len().saturating_mul(4)));
    let (res, read) = dec.decode_to_string_without_replacement(bytes, &mut out, true);
    match res {
        DecoderResult::Malformed(bad, after) => read
            .saturating_sub(usize::from(after))
            .saturating_sub(usize::from(bad)),
        _ => read,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "一、总体要求\n全市生产总值增长5%左右。\n";

    #[test]
    fn utf8_with_and_without_bom() {
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice(TEXT.as_bytes());
        assert_eq!(decode(&b).unwrap().text, TEXT);
        assert_eq!(decode(TEXT.as_bytes()).unwrap().encoding, "UTF-8");
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in TEXT.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&le).unwrap().text, TEXT);
        assert_eq!(decode(&be).unwrap().text, TEXT);
        assert_eq!(decode(&be).unwrap().encoding, "UTF-16BE");
    }

    #[test]
    fn gb18030_and_gbk() {
        let (bytes, _, _) = encoding_rs::GB18030.encode(TEXT);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, TEXT);
        assert_eq!(d.encoding, "GB18030");
    }

    #[test]
    fn empty_binary_and_undecodable_are_errors() {
        assert!(decode(b"").unwrap_err().contains("empty"));
        assert!(decode(b"  \n\t ").unwrap_err().contains("empty"));
        assert!(decode(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00")
            .unwrap_err()
            .contains("binary"));
        // 0xFF is invalid in UTF-8 and GB18030 alike.
        let err = decode(b"abc\xff\xff\xffdef").unwrap_err();
        assert!(err.contains("undecodable"), "{err}");
    }

    /// Mostly-Chinese text of about `n` chars, with the newlines, digits and
    /// ASCII a report has.
    fn chinese(n: usize) -> String {
        let mut s = String::new();
        while s.chars().count() < n {
            s.push_str("一、总体要求\n全市生产总值增长5%左右，城镇调查失业率控制在5.5%以内。\n");
        }
        s
    }

    #[test]
    fn mostly_chinese_utf16_without_a_bom_is_read_in_both_orders() {
        let text = chinese(2000);
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let d = decode(&le).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text.as_str(), "UTF-16LE"));
        let d = decode(&be).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text.as_str(), "UTF-16BE"));
        // binary data with NULs on one side is still binary
        let bin: Vec<u8> = (0..4000u32)
            .flat_map(|i| [((i * 7919) % 251) as u8 | 1, 0])
            .collect();
        assert!(decode(&bin).unwrap_err().contains("binary"));
    }

    #[test]
    fn a_bad_byte_in_gb18030_is_reported_at_its_offset() {
        // a bad byte after about 3,000 bytes of good text
        let text = chinese(3000);
        let cut = text.char_indices().nth(1500).unwrap().0;
        let gb = |s: &str| encoding_rs::GB18030.encode(s).0.into_owned();
        let mut bytes = gb(&text[..cut]);
        let at = bytes.len();
        assert!(at > 2000);
        bytes.push(0xFF);
        bytes.extend(gb(&text[cut..]));
        let err = decode(&bytes).unwrap_err();
        assert!(err.contains(&format!("offset {at}:")), "{err}");
    }

    #[test]
    fn decoding_owned_bytes_is_decoding_borrowed_ones() {
        let text = chinese(500);
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(text.as_bytes());
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let gb = encoding_rs::GB18030.encode(&text).0.into_owned();
        let inputs: Vec<Vec<u8>> = vec![
            text.clone().into_bytes(),
            bom,
            le,
            gb,
            Vec::new(),
            b" \n ".to_vec(),
            b"abc\0def".to_vec(),
            b"abc\xff\xff\xffdef".to_vec(),
            // control chars that are valid UTF-8
            "\u{1}\u{2}\u{3}\u{4}\u{5}\u{6}\u{7}\u{8}\u{e}\u{f}".into(),
        ];
        for bytes in inputs {
            let borrowed = decode(&bytes).map(|d| (d.text, d.encoding));
            let owned = decode_owned(bytes.clone()).map(|d| (d.text, d.encoding));
            assert_eq!(owned, borrowed, "{bytes:?}");
        }
    }
}
