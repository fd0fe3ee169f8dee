//! Bytes to text: byte-order marks, UTF-8, and legacy encodings detected by chardetng.

use encoding_rs::{Encoding, UTF_8};

/// Decoded text plus what the decoder had to do.
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// Notes for the document's `warnings`.
    pub warnings: Vec<String>,
}

/// Why bytes are not text.
#[derive(Debug, PartialEq, Eq)]
pub enum NotText {
    /// A known binary format, by its magic number.
    Format(&'static str),
    /// Control characters or NUL bytes: not a text file.
    Binary,
}

/// Known binary formats by their first bytes; named so the error can say what the file is.
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX)"),
    (b"\x1f\x8b", "gzip"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x7fELF", "ELF executable"),
    (b"\xd0\xcf\x11\xe0", "OLE document (DOC/XLS/MSG)"),
    (b"7z\xbc\xaf", "7z archive"),
    (b"Rar!", "RAR archive"),
];

/// Refuses bytes that are plainly not text: a known binary signature, or NUL bytes in a file
/// without a UTF-16 byte-order mark, unless they fall on every other byte of text (UTF-16
/// without the mark) or are a few in text (see [`nuls`]).
pub fn check_text(bytes: &[u8]) -> Result<(), NotText> {
    if let Some((_, name)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Err(NotText::Format(name));
    }
    if Encoding::for_bom(bytes).is_some_and(|(e, _)| e != UTF_8) {
        return Ok(());
    }
    match nuls(bytes) {
        Nuls::Many => Err(NotText::Binary),
        _ => Ok(()),
    }
}

/// What the NUL bytes of a file's first 8 KiB say.
#[derive(Debug, PartialEq, Eq)]
enum Nuls {
    None,
    /// At most one byte in a thousand, in what has no more other control bytes than that: a
    /// damaged export or a text padded by its tool, in any encoding, whose NULs are dropped.
    Few,
    /// On every other byte, as Latin text in UTF-16 without its byte-order mark (a Windows
    /// export): the encoding, little- or big-endian.
    Utf16(&'static Encoding),
    /// Binary data.
    Many,
}

fn nuls(bytes: &[u8]) -> Nuls {
    let head = &bytes[..bytes.len().min(8192)];
    if memchr::memchr(0, head).is_none() {
        return Nuls::None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, &b) in head.iter().enumerate() {
        if b == 0 {
            if i % 2 == 0 { even += 1 } else { odd += 1 }
        }
    }
    // (ASCII in UTF-16LE is "H\0e\0": its NULs on odd bytes; a few characters beyond Latin-1
    // take both bytes, so a third of the pairs is enough, and the other side must be nearly
    // free of NULs)
    let pairs = head.len() / 2;
    let utf16 = |zeros: usize, other: usize| pairs >= 2 && zeros * 3 >= pairs && other * 50 <= pairs;
    for (enc, zeros, other) in [(encoding_rs::UTF_16LE, odd, even), (encoding_rs::UTF_16BE, even, odd)] {
        if utf16(zeros, other) && !enc.decode_without_bom_handling(&head[..pairs * 2]).1 {
            return Nuls::Utf16(enc);
        }
    }
    // (binary data has other control bytes as often as NULs: one byte in 256 each, at random)
    let controls = head.iter().filter(|&&b| b != 0 && b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)).count();
    if (even + odd) * 1000 <= head.len() && controls * 1000 <= head.len() { Nuls::Few } else { Nuls::Many }
}

/// Decodes bytes, using (in order) a byte-order mark, a declared charset if the bytes are not
/// valid UTF-8, UTF-8 itself, and chardetng's guess. Mostly-UTF-8 bytes with a few invalid
/// sequences are decoded as UTF-8 with replacement characters and a warning.
pub fn decode(bytes: &[u8], declared: Option<&'static Encoding>) -> Decoded {
    let mut warnings = Vec::new();
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return Decoded { text: decoded_as(enc, &bytes[bom_len..], &mut warnings), warnings };
    }
    let cleaned: Vec<u8>;
    let bytes = match nuls(bytes) {
        Nuls::Utf16(enc) => {
            warnings.push(format!("decoded as {} (no byte-order mark; NUL on every other byte)", enc.name()));
            return Decoded { text: decoded_as(enc, bytes, &mut warnings), warnings };
        }
        // (dropped rather than kept: no reader shows them, and PostgreSQL's text refuses them)
        Nuls::Few => {
            cleaned = bytes.iter().copied().filter(|&b| b != 0).collect();
            let n = bytes.len() - cleaned.len();
            warnings.push(format!("{n} NUL byte{} removed", if n == 1 { "" } else { "s" }));
            &cleaned[..]
        }
        Nuls::None | Nuls::Many => bytes,
    };
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Decoded { text: s.to_string(), warnings };
    }
    if let Some(enc) = declared.filter(|e| *e != UTF_8) {
        return Decoded { text: decoded_as(enc, bytes, &mut warnings), warnings };
    }
    let (valid_multibyte, invalid) = utf8_census(bytes);
    // Real UTF-8 with a few damaged bytes: legacy encodings almost never form valid
    // multi-byte UTF-8 sequences, so several of them outvote a few invalid ones.
    if valid_multibyte >= 2 && invalid <= valid_multibyte {
        let text = String::from_utf8_lossy(bytes).into_owned();
        warnings.push(format!("best-effort decode: {invalid} invalid UTF-8 sequences replaced"));
        return Decoded { text, warnings };
    }
    let mut det = chardetng::EncodingDetector::new();
    det.feed(bytes, true);
    let enc = det.guess(None, true);
    let text = decoded_as(enc, bytes, &mut warnings);
    warnings.push(format!("not UTF-8: decoded as {} (detected)", enc.name()));
    Decoded { text, warnings }
}

/// `bytes` decoded as `enc`, with a warning when some sequences were not `enc` and got replaced.
fn decoded_as(enc: &'static Encoding, bytes: &[u8], warnings: &mut Vec<String>) -> String {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors {
        warnings.push(format!("best-effort decode: invalid {} sequences replaced", enc.name()));
    }
    text.into_owned()
}

/// Counts valid non-ASCII UTF-8 sequences and invalid ones.
fn utf8_census(mut bytes: &[u8]) -> (usize, usize) {
    let (mut valid, mut invalid) = (0, 0);
    loop {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                valid += s.chars().filter(|c| !c.is_ascii()).count();
                return (valid, invalid);
            }
            Err(e) => {
                let good = e.valid_up_to();
                // SAFETY-free: from_utf8 on the valid prefix cannot fail.
                valid += std::str::from_utf8(&bytes[..good]).map_or(0, |s| s.chars().filter(|c| !c.is_ascii()).count());
                invalid += 1;
                let skip = good + e.error_len().unwrap_or(bytes.len() - good).max(1);
                bytes = &bytes[skip.min(bytes.len())..];
            }
        }
    }
}

/// Share of characters that are control characters other than whitespace; high in binary data
/// that slipped past [`check_text`].
pub fn control_share(text: &str) -> f64 {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars().take(65536) {
        total += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c') {
            control += 1;
        }
    }
    if total == 0 { 0.0 } else { control as f64 / total as f64 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through() {
        let d = decode("Zoë “quoted”".as_bytes(), None);
        assert_eq!(d.text, "Zoë “quoted”");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Hé said".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(check_text(&bytes), Ok(()));
        assert_eq!(decode(&bytes, None).text, "Hé said");
    }

    #[test]
    fn utf16_without_bom_is_read_by_its_nul_bytes() {
        let text = "Zoë Ilves said on 22 June 2018: \u{201c}We will not appeal.\u{201d}\n".repeat(40);
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for (bytes, name) in [(le, "UTF-16LE"), (be, "UTF-16BE")] {
            assert_eq!(check_text(&bytes), Ok(()), "{name}");
            let d = decode(&bytes, None);
            assert_eq!(d.text, text, "{name}");
            assert!(d.warnings.iter().any(|w| w.contains(name)), "{:?}", d.warnings);
        }
    }

    #[test]
    fn a_few_nul_bytes_in_text_are_dropped_with_a_warning() {
        let mut bytes = "Ann Lee told the inquiry on Monday that the letter was genuine. ".repeat(60).into_bytes();
        bytes.insert(100, 0);
        bytes.insert(1000, 0);
        bytes.push(0);
        assert_eq!(check_text(&bytes), Ok(()));
        let d = decode(&bytes, None);
        assert_eq!(d.text, "Ann Lee told the inquiry on Monday that the letter was genuine. ".repeat(60));
        assert_eq!(d.warnings, ["3 NUL bytes removed"]);
        // ... in a legacy encoding too
        let text = "The café’s owner said “no” — déjà vu. ".repeat(40);
        let mut latin = encoding_rs::WINDOWS_1252.encode(&text).0.into_owned();
        latin.insert(200, 0);
        let d = decode(&latin, None);
        assert_eq!(d.text, text);
        assert_eq!(d.warnings[0], "1 NUL byte removed");
        // more than one NUL in a thousand bytes, or other control bytes as often, is no text
        let mut many = bytes.clone();
        many.extend([0u8; 3]);
        assert_eq!(check_text(&many), Err(NotText::Binary));
        let mut controls = bytes.clone();
        controls.extend([1u8, 2, 3, 0x1b]);
        assert_eq!(check_text(&controls), Err(NotText::Binary));
    }

    #[test]
    fn windows_1252_is_detected() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("The café’s owner said “no” — twice, déjà vu.");
        let d = decode(&bytes, None);
        assert_eq!(d.text, "The café’s owner said “no” — twice, déjà vu.");
        assert!(d.warnings.iter().any(|w| w.contains("windows-1252")), "{:?}", d.warnings);
    }

    #[test]
    fn mostly_utf8_with_a_bad_byte_is_decoded_with_a_warning() {
        let mut bytes = "Zoë and Chloë met in Zürich. ".as_bytes().to_vec();
        bytes.push(0xFF);
        bytes.extend_from_slice("Then they left.".as_bytes());
        let d = decode(&bytes, None);
        assert!(d.text.starts_with("Zoë and Chloë"));
        assert!(d.text.contains('\u{FFFD}'));
        assert_eq!(d.warnings, ["best-effort decode: 1 invalid UTF-8 sequences replaced"]);
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(check_text(b"%PDF-1.7 ..."), Err(NotText::Format("PDF")));
        assert_eq!(check_text(b"abc\0\0\x01def"), Err(NotText::Binary));
        assert!(control_share("\x01\x02\x03ab") > 0.5);
        assert_eq!(control_share("a\tb\n"), 0.0);
    }
}
