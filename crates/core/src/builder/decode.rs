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
                let at = std::str::from_utf8(bytes)
                    .err()
                    .map(|e| e.valid_up_to())
                    .unwrap_or(0);
                return Err(format!(
                    "undecodable bytes at offset {at}: not UTF-8, UTF-16 or GB18030/GBK text"
                ));
            }
        }
    };
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

/// UTF-16 without a BOM shows as many NUL bytes at every other position.
fn bomless_utf16(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    if bytes.len() < 8 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let even_nul = bytes.iter().step_by(2).filter(|b| **b == 0).count();
    let odd_nul = bytes.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    // CJK text in UTF-16 has few NULs; ASCII-heavy UTF-16 has many on one side.
    if odd_nul * 3 > pairs && even_nul * 10 < pairs {
        Some(encoding_rs::UTF_16LE)
    } else if even_nul * 3 > pairs && odd_nul * 10 < pairs {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
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
}
