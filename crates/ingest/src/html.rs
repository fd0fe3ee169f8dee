//! HTML pages to article text and metadata, with dom_smoothie (a port of Mozilla's Readability).

use crate::decode::{Decoded, decode};
use crate::meta::published_date;

/// Pages nested deeper than this skip layout analysis: the readability pass walks the tree
/// recursively in places, and a page 100,000 levels deep would overflow the stack.
pub const MAX_DEPTH: usize = 400;

/// What a page yields.
#[derive(Debug, Default)]
pub struct Page {
    /// Article text, paragraphs separated by blank lines.
    pub text: String,
    /// Title.
    pub title: Option<String>,
    /// Author line.
    pub byline: Option<String>,
    /// YYYY-MM-DD.
    pub published: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// ISO 639-1.
    pub lang: Option<String>,
    /// Notes for the document.
    pub warnings: Vec<String>,
}

/// True when the bytes look like an HTML page.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(2048)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let t = head.trim_start_matches('\u{feff}').trim_start();
    t.starts_with("<!doctype html")
        || t.starts_with("<html")
        || t.starts_with("<?xml") && head.contains("<html")
        || head.contains("<head") && head.contains("</")
        || t.starts_with("<body")
}

/// Reads a page: decodes it, takes the article body, title, byline, date, URL and language.
pub fn read_page(bytes: &[u8]) -> Page {
    let Decoded { text: html, mut warnings } = decode(bytes, declared_charset(bytes));
    let depth = nesting_depth(&html);
    if depth > MAX_DEPTH {
        warnings
            .push(format!("HTML nested {depth} levels deep (over {MAX_DEPTH}): text taken without article detection"));
        return Page { text: strip_tags(&html), warnings, ..Default::default() };
    }
    // Classes are kept so that the clean-up pass below can recognise captions, credits and
    // share bars inside the chosen article.
    let cfg =
        dom_smoothie::Config { text_mode: dom_smoothie::TextMode::Formatted, keep_classes: true, ..Default::default() };
    let mut page = Page::default();
    let mut r = match dom_smoothie::Readability::new(html.as_str(), None, Some(cfg)) {
        Ok(r) => r,
        Err(e) => {
            warnings.push(format!("article detection failed ({e}): whole page text kept"));
            return Page { text: strip_tags(&html), warnings, ..Default::default() };
        }
    };
    // Read what the readability pass would remove or not report before it mutates the tree.
    let time_attr = r.doc.select("time[datetime]").attr("datetime").map(|s| s.to_string());
    page.url = r
        .doc
        .select("link[rel=canonical]")
        .attr("href")
        .or_else(|| r.doc.select("meta[property='og:url']").attr("content"))
        .map(|s| s.trim().to_string())
        .filter(|s| s.starts_with("http"));
    let meta_date = ["article:published_time", "og:published_time", "datePublished", "pubdate", "date", "dc.date"]
        .iter()
        .find_map(|name| {
            let sel = format!("meta[property='{name}'], meta[name='{name}'], meta[itemprop='{name}']");
            r.doc.select(&sel).attr("content").and_then(|v| published_date(&v))
        });
    match r.parse() {
        Ok(article) => {
            page.text = article_text(&article.content);
            page.title = Some(article.title.trim().to_string()).filter(|t| !t.is_empty());
            page.byline = article.byline.map(|b| b.trim().to_string()).filter(|b| !b.is_empty());
            page.published = article.published_time.as_deref().and_then(published_date);
            page.lang = article.lang.as_deref().and_then(lang_code);
        }
        Err(e) => {
            warnings.push(format!("article detection failed ({e}): whole page text kept"));
            page.text = strip_tags(&html);
        }
    }
    page.published = page.published.or(meta_date).or_else(|| time_attr.as_deref().and_then(published_date));
    page.warnings = warnings;
    page
}

/// Parts of an article that readers do not read as the story: media and their captions,
/// credits, bylines and dates (kept as metadata instead), share and follow bars, related links.
const NOT_STORY: &str = "figure, figcaption, picture, video, audio, time, aside, nav, footer, form, button, \
    iframe, noscript, svg, [aria-hidden=true], [hidden]";

/// Class or id fragments of small boxes around a story.
const BOX_HINTS: &[&str] = &[
    "caption",
    "credit",
    "byline",
    "share",
    "social",
    "related",
    "newsletter",
    "breadcrumb",
    "promo",
    "subscribe",
    "signup",
    "sign-up",
    "tags",
    "author",
    "dateline",
    "timestamp",
    "toolbar",
    "advert",
    "gallery",
    "slideshow",
    "comment",
];

/// Text of the article HTML chosen by dom_smoothie, without what [`NOT_STORY`] and
/// [`BOX_HINTS`] name and without blocks that are mostly links.
fn article_text(content: &str) -> String {
    let doc = dom_query::Document::from(content);
    doc.select(NOT_STORY).remove();
    for node in doc.select("[class], [id]").nodes() {
        let label = format!("{} {}", node.attr_or("class", ""), node.attr_or("id", "")).to_ascii_lowercase();
        if BOX_HINTS.iter().any(|h| label.contains(h)) && node.text().chars().count() < 1000 {
            node.remove_from_parent();
        }
    }
    for node in doc.select("ul, ol, p, div, section, table").nodes() {
        let text_len = node.text().split_whitespace().map(str::len).sum::<usize>();
        if text_len == 0 {
            continue;
        }
        let link_len: usize = node
            .descendants()
            .iter()
            .filter(|n| n.has_name("a"))
            .map(|a| a.text().split_whitespace().map(str::len).sum::<usize>())
            .sum();
        if link_len * 2 > text_len && text_len < 600 {
            node.remove_from_parent();
        }
    }
    tidy(&doc.formatted_text())
}

/// The charset a page declares in its first bytes (`<meta charset>` or `content="...; charset=..."`).
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = memchr::memmem::find(&lower, b"charset=")? + b"charset=".len();
    let rest = &lower[at..];
    let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
    let end = rest.iter().position(|b| !(b.is_ascii_alphanumeric() || b"-_:.".contains(b))).unwrap_or(rest.len());
    encoding_rs::Encoding::for_label(&rest[..end])
}

/// "en-GB" -> "en".
pub(crate) fn lang_code(s: &str) -> Option<String> {
    let code: String = s.trim().chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    (code.len() == 2 || code.len() == 3).then(|| code.to_ascii_lowercase())
}

/// Elements that never hold children, and elements whose open tag the parser closes
/// implicitly; neither deepens the tree.
const FLAT: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "p",
    "li", "td", "th", "tr", "option", "dt", "dd", "!doctype", "!--",
];

/// An estimate of the deepest element nesting, by a flat scan of tags (no tree, no recursion).
pub fn nesting_depth(html: &str) -> usize {
    let b = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        i += off + 1;
        let closing = b.get(i) == Some(&b'/');
        let start = if closing { i + 1 } else { i };
        let end = b[start..]
            .iter()
            .position(|c| !(c.is_ascii_alphanumeric() || *c == b'!' || *c == b'-'))
            .map_or(b.len(), |p| start + p);
        if end == start {
            continue;
        }
        let name = html[start..end].to_ascii_lowercase();
        let self_closing = memchr::memchr(b'>', &b[end..]).is_some_and(|gt| gt > 0 && b[end + gt - 1] == b'/');
        if FLAT.contains(&name.as_str()) || name.starts_with("!--") || self_closing {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

/// Text of a page without layout analysis: tags removed, script and style bodies dropped,
/// common entities decoded. Only for pages the tree-based pass cannot take.
pub fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = &rest[lt..];
        let gt = rest.find('>').map_or(rest.len(), |g| g + 1);
        let tag = rest[..gt].to_ascii_lowercase();
        rest = &rest[gt..];
        for skip in ["script", "style"] {
            if tag.starts_with(&format!("<{skip}")) {
                let close = format!("</{skip}");
                let at = rest.to_ascii_lowercase().find(&close).unwrap_or(rest.len());
                rest = &rest[at..];
            }
        }
        if ["<p", "<br", "<div", "</p", "</div", "<h", "</h", "<li"].iter().any(|t| tag.starts_with(t)) {
            out.push('\n');
        } else {
            out.push(' ');
        }
    }
    out.push_str(rest);
    let decoded = out
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    tidy(&decoded)
}

/// Trims each line, folds runs of spaces, and separates paragraphs by one blank line.
pub fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let folded = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if folded.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&folded);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<title>Minister rules out assurances | The Ardenport Herald</title>
<meta property="article:published_time" content="2018-07-23T09:15:00+01:00">
<link rel="canonical" href="https://herald.example/news/assurances">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>
<article><h1>Minister rules out assurances</h1>
<p class="byline">By Ilse Marrow</p>
<p>The home secretary has told the attorney general of Karsland that no assurances will be sought for the two men captured in January, according to a letter seen by this newspaper.</p>
<p>“We will not stand in the way of justice,” the letter says, in a passage that campaigners described as a shift in decades of policy on the death penalty abroad.</p>
<p>A ministry spokeswoman said the government did not comment on leaked correspondence, but added that its position on capital punishment had not changed.</p>
<p>The inquiry collected more than 600 witness statements in 14 countries over the past four years.</p>
</article>
<aside class="related"><h3>Related</h3><a href="/a">Other story one</a><a href="/b">Other story two</a></aside>
<div class="share">Share on Facebook Share on Twitter</div>
<footer>© 2018 The Ardenport Herald. All rights reserved. Contact us. Privacy policy.</footer>
</body></html>"#;

    #[test]
    fn article_text_without_boilerplate() {
        let p = read_page(PAGE.as_bytes());
        assert!(p.text.contains("no assurances will be sought"), "{}", p.text);
        assert!(p.text.contains("600 witness statements"));
        for junk in ["cookies", "Share on", "All rights reserved", "Other story", "Sport"] {
            assert!(!p.text.contains(junk), "kept {junk:?}: {}", p.text);
        }
        assert!(p.text.contains("\n\n"), "paragraphs separated");
        assert_eq!(p.published.as_deref(), Some("2018-07-23"));
        assert_eq!(p.url.as_deref(), Some("https://herald.example/news/assurances"));
        assert_eq!(p.lang.as_deref(), Some("en"));
        assert!(p.title.unwrap().contains("Minister rules out assurances"));
    }

    #[test]
    fn deeply_nested_page_is_read_flat() {
        let depth = 100_000;
        let html = format!("<html><body>{}deep words{}</body></html>", "<div>".repeat(depth), "</div>".repeat(depth));
        assert!(nesting_depth(&html) > MAX_DEPTH);
        let p = read_page(html.as_bytes());
        assert_eq!(p.text, "deep words");
        assert!(p.warnings[0].contains("nested"));
    }

    #[test]
    fn depth_ignores_void_and_implicitly_closed_elements() {
        assert_eq!(nesting_depth("<div><p>a<p>b<br><img src=x><hr/></div>"), 1);
        assert_eq!(nesting_depth("<div><div><span>x</span></div></div>"), 3);
    }

    #[test]
    fn detects_html() {
        assert!(looks_like_html(b"  <!DOCTYPE html><html>"));
        assert!(looks_like_html(b"<html><body>x</body></html>"));
        assert!(!looks_like_html(b"He said 1 < 2 and left."));
    }

    #[test]
    fn declared_legacy_charset_is_used() {
        let (body, _, _) =
            encoding_rs::WINDOWS_1252.encode("<p>Café owner José Martí spoke at length about the case.</p>");
        let mut page =
            b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head><body>"
                .to_vec();
        page.extend_from_slice(&body);
        page.extend_from_slice(b"</body></html>");
        let p = read_page(&page);
        assert!(p.text.contains("José Martí"), "{}", p.text);
    }
}
