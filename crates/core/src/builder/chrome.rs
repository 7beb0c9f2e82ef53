//! Page chrome: the one place the patterns for web-page and newspaper
//! furniture live (toolbars, navigation, footers, credits, HTML comments,
//! page-jump markers). Every pattern matches a whole line or a whole
//! bracketed unit, never a substring of running text ("全屏" alone is chrome,
//! "安全屏障" is not). Matching is on folded text (see [`super::fold`]).
//! The passes at the end apply each pattern where it belongs (anywhere, at
//! the page foot, or next to other chrome); [`super::clean`] runs them in order.

use std::sync::LazyLock;

use regex::Regex;

use super::stream::{is_space, Doc};
use crate::model::RemovedReason;
use crate::text::fold::fold_width;

/// Words whose presence makes a short line a toolbar or footer line when
/// nothing else is on it (government portals and newspaper sites: 字号 / 打印
/// / 关闭 / 分享到 / 扫一扫在手机打开当前页; reader toolbars: 全屏; a lone
/// 首页 navigation link).
const STRONG_WORDS: &[&str] = &[
    "返回顶部",
    "我要纠错",
    "有话要说",
    "发表评论",
    "打印本页",
    "关闭窗口",
    "扫一扫",
    "在手机打开",
    "当前页",
    "分享到",
    "收藏本页",
    "字体",
    "字号",
    "打印",
    "下载",
    "收藏",
    "关闭",
    "分享",
    "评论",
    "微信",
    "微博",
    "朋友圈",
    "全屏",
    "返回首页",
    "首页",
];

/// Words that are chrome only next to other chrome: the buttons of a font
/// size toolbar (【字号: 加大 还原 减小 】 on provincial portals; 大 中 小 /
/// 默认 on city portals) which are ordinary words on their own.
const WEAK_WORDS: &[&str] = &["加大", "还原", "减小", "默认", "大", "中", "小"];

/// Fillers that may surround chrome words on a chrome line.
const FILLERS: &[char] = &[
    '【', '】', '[', ']', ':', '|', '、', '.', '…', '·', '/', '。', '>', '<', '»', '«',
];

/// Strip `words` (longest first as listed) and fillers; true if nothing is left.
fn only(rest: &str, words: &[&str]) -> bool {
    let mut rest = rest.to_string();
    for w in words {
        rest = rest.replace(w, "");
    }
    rest.chars().all(|c| FILLERS.contains(&c))
}

fn squeeze(line: &str) -> Option<String> {
    // Chrome lines are short; never scan a flattened body line.
    if line.chars().count() > 80 {
        return None;
    }
    let s: String = line
        .chars()
        .filter(|c| !is_space(*c))
        .map(fold_width)
        .collect();
    (!s.is_empty()).then_some(s)
}

/// A line that is nothing but toolbar / footer chrome (at least one strong word).
pub fn is_chrome(line: &str) -> bool {
    let Some(s) = squeeze(line) else { return false };
    STRONG_WORDS.iter().any(|w| s.contains(w)) && only(&s, &[STRONG_WORDS, WEAK_WORDS].concat())
}

/// A line of toolbar buttons or a lone bracket (加大 / 还原 / 减小 / 】):
/// chrome when it stands next to a chrome line, a word otherwise.
pub fn is_weak_chrome(line: &str) -> bool {
    let Some(s) = squeeze(line) else { return false };
    let bracket_only = s.chars().all(|c| matches!(c, '【' | '】' | '[' | ']'));
    bracket_only || (WEAK_WORDS.iter().any(|w| s.contains(w)) && only(&s, WEAK_WORDS))
}

static BREADCRUMB: LazyLock<Regex> = LazyLock::new(|| {
    // Government portals: 当前位置:首页 > 政务公开 > …
    Regex::new(r"^(当前位置|您的位置|您现在的位置|你的位置|你现在的位置|所在位置|位置)\s*[::]|首页\s*(>|>|»|›|/|-)").unwrap_or_else(|_| unreachable!())
});

/// A navigation trail line (当前位置:首页 > …).
pub fn is_breadcrumb(line: &str) -> bool {
    let folded: String = line.chars().map(fold_width).collect();
    BREADCRUMB.is_match(folded.trim_matches(is_space))
}

static PAGE_ID: LazyLock<Regex> = LazyLock::new(|| {
    // CMS footers print the page or article id: a long hex run or a UUID.
    Regex::new(r"^(?:[0-9a-fA-F]{16,}|[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12})$")
        .unwrap_or_else(|_| unreachable!())
});

/// A line that is only a page or article id (hex, with at least one letter and one digit).
pub fn is_page_id(line: &str) -> bool {
    let t = line.trim_matches(is_space);
    PAGE_ID.is_match(t)
        && t.chars().any(|c| c.is_ascii_digit())
        && t.chars().any(|c| c.is_ascii_alphabetic())
}

static RELATED: LazyLock<Regex> = LazyLock::new(|| {
    // News sites list related articles under such a header at the page foot.
    Regex::new(r"^[【\[]?(相关报道|相关新闻|相关阅读|相关链接|相关文章|延伸阅读|推荐阅读|热点推荐)[】\]]?\s*:?$")
        .unwrap_or_else(|_| unreachable!())
});

/// The header of a related-articles list (相关报道:).
pub fn is_related_header(line: &str) -> bool {
    let folded: String = line.chars().map(fold_width).collect();
    RELATED.is_match(folded.trim_matches(is_space))
}

static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        // Newspaper reprints: (浙江日报) / (《人民日报》19821214第1版).
        r"^\(\s*(?:《[\p{Han}]{2,12}报》|[\p{Han}]{2,12}(?:日报|晚报|时报|商报|新闻网))\s*[\d\s第至版]*\)$",
        // Photo credits: (严龙 摄) / (记者 王鹏 摄).
        r"|^\([^()]{1,24}\s摄\)$|^\([^()]{0,24}[\p{Han}]摄\)$",
        // Unbracketed under a photo: 某某日报记者 王五 摄.
        r"|^[^()。,]{0,20}记者\s*[\p{Han}·]{2,5}(?:\s+[\p{Han}·]{2,5}){0,3}\s*摄$",
        // Editors in page footers: 责任编辑:… / 编辑:… / 校对:…
        r"|^[【\[]?(?:责任编辑|责编|编辑|校对|审核|终审|作者)[】\]]?\s*:\s*\S.{0,30}$",
    ))
    .unwrap_or_else(|_| unreachable!())
});

/// A source, photo or editor credit line.
pub fn is_credit(line: &str) -> bool {
    let folded: String = line.chars().map(fold_width).collect();
    let t = folded.trim_matches(is_space);
    t.chars().count() <= 40 && CREDIT.is_match(t)
}

static TAIL_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    // At the very end of a page only: 来源:无锡市人民政府, or the compiling
    // office in brackets ((市政府办公厅 年鉴处)).
    Regex::new(r"^(?:(?:来源|信息来源|文章来源|稿源)\s*:\s*\S.{0,30}|\([\p{Han}\s、]{2,24}(?:办公厅|办公室|研究室|年鉴处|年鉴社|编辑部|报社|新闻网)[\p{Han}\s、]{0,8}\))$")
        .unwrap_or_else(|_| unreachable!())
});

static DOWNLOAD: LazyLock<Regex> = LazyLock::new(|| {
    // Portals list the page's files for download at its foot:
    // 文档附件: / - 2019年政府工作报告.pdf
    Regex::new(r"^(?:(?:文档附件|附件下载|相关附件|下载附件)\s*:?|[-*+]?\s*\S.{0,60}\.(?i:pdf|docx?|xlsx?|wps|ofd|zip|rar))$")
        .unwrap_or_else(|_| unreachable!())
});

/// A download-list line (header or file name): chrome only at the page foot.
pub fn is_download(line: &str) -> bool {
    let folded: String = line.chars().map(fold_width).collect();
    DOWNLOAD.is_match(folded.trim_matches(is_space))
}

/// A bare 附件 / 附件: line.
fn is_attachment_header(line: &str) -> bool {
    let folded: String = line.chars().map(fold_width).collect();
    matches!(folded.trim_matches(is_space), "附件" | "附件:")
}

/// A credit line that is chrome only at the foot of the page.
pub fn is_tail_credit(line: &str) -> bool {
    let folded: String = line.chars().map(fold_width).collect();
    let t = folded.trim_matches(is_space);
    t.chars().count() <= 40 && (TAIL_CREDIT.is_match(t) || is_credit(t))
}

/// Page numbers of a jump marker: 2, 12, A2, A02, 二, 十二.
const PAGE: &str = r"(?:[A-Za-z]?\d{1,3}|[一二三四五六七八九十]{1,3})";

/// Newspaper jump markers (a story continued on or from another page):
/// (紧转第2版) (紧接第1版) (下转A2版) (下转第四版) (转第3版) (接第1版), and the
/// unbracketed 下转 12版 / 上接第11版 of web reprints.
pub static JUMP: LazyLock<Regex> = LazyLock::new(|| {
    let re = format!(
        r"\(?\s*(?:紧转|紧接|下转|上接)\s*第?\s*{PAGE}\s*版\s*\)?|\(\s*(?:转|接)\s*第?\s*{PAGE}\s*版\s*\)"
    );
    Regex::new(&re).unwrap_or_else(|_| unreachable!())
});

/// A 下转 marker ending one page and a 上接 marker opening the next, with only
/// white space (line breaks included) between them: one continuation point.
pub static JUMP_PAIR: LazyLock<Regex> = LazyLock::new(|| {
    let re = format!(
        r"\(?[ \t]*(?:紧转|下转|转)[ \t]*第?[ \t]*{PAGE}[ \t]*版[ \t]*\)\s*\(?[ \t]*(?:紧接|上接|接)[ \t]*第?[ \t]*{PAGE}[ \t]*版[ \t]*\)?"
    );
    Regex::new(&re).unwrap_or_else(|_| unreachable!())
});

/// `<!-- … -->` comments (a photo caption or an editor's note left by the
/// page's HTML), as char ranges of `chars`; a comment may span lines.
pub fn html_comments(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    let n = chars.len();
    while i + 4 <= n {
        if chars[i..i + 4] == ['<', '!', '-', '-'] {
            let mut j = i + 4;
            let mut end = None;
            while j + 3 <= n {
                if chars[j..j + 3] == ['-', '-', '>'] {
                    end = Some(j + 3);
                    break;
                }
                j += 1;
            }
            match end {
                Some(e) => {
                    out.push((i, e));
                    i = e;
                }
                None => break,
            }
        } else {
            i += 1;
        }
    }
    out
}

// ---- Passes over the document: where each pattern applies. ----

/// Does `[s, e)` stand alone on its line(s) (only white space around it)?
fn whole_lines(doc: &Doc, s: usize, e: usize) -> bool {
    let before = doc.chars[..s]
        .iter()
        .rev()
        .take_while(|c| **c != '\n' && **c != '\r')
        .all(|c| is_space(*c));
    let after = doc.chars[e..]
        .iter()
        .take_while(|c| **c != '\n' && **c != '\r')
        .all(|c| is_space(*c));
    before && after
}

/// Char offset of a byte offset in `s`.
fn char_at(s: &str, byte: usize) -> usize {
    s[..byte].chars().count()
}

/// Bracketed chrome units inside a line of `[s, e)` (【打印】【关闭】 after a
/// date, 【字号:大 中 小】 before the text): each goes as an opaque piece, so
/// what stood on either side stays apart.
pub fn remove_bracketed_chrome(doc: &mut Doc, s: usize, e: usize) {
    let mut i = s;
    while i < e {
        let close = match fold_width(doc.chars[i]) {
            '【' => '】',
            '[' => ']',
            _ => {
                i += 1;
                continue;
            }
        };
        let end = (i + 1..e.min(i + 24)).find(|&j| fold_width(doc.chars[j]) == close);
        match end {
            Some(j) if is_chrome(&doc.slice(i, j + 1)) => {
                doc.remove(i, j + 1, RemovedReason::PageChrome);
                i = j + 1;
            }
            _ => i += 1,
        }
    }
}

/// HTML comments: whole-line ones separate what is around them; one inside
/// a line vanishes and the text around it joins.
pub fn remove_comments(doc: &mut Doc) {
    if !doc.chars.contains(&'<') {
        return;
    }
    for (s, e) in html_comments(&doc.chars) {
        if whole_lines(doc, s, e) {
            doc.remove(s, e, RemovedReason::HtmlComment);
        } else {
            doc.remove_transparent(s, e, RemovedReason::HtmlComment);
        }
    }
}

/// A 下转 marker and the 上接 marker opening the next page, with only white
/// space between: one transparent piece, so the paragraph cut by the page
/// break joins up again.
pub fn remove_jump_pairs(doc: &mut Doc) {
    if !doc.chars.contains(&'版') {
        return;
    }
    let folded: String = doc.chars.iter().map(|c| fold_width(*c)).collect();
    let found: Vec<(usize, usize)> = JUMP_PAIR
        .find_iter(&folded)
        .map(|m| (char_at(&folded, m.start()), char_at(&folded, m.end())))
        .collect();
    for (s, e) in found {
        doc.remove_transparent(s, e, RemovedReason::JumpMarker);
    }
}

/// Non-blank source lines (indices into `lines`).
fn non_blank(doc: &Doc, lines: &[(usize, usize)]) -> Vec<usize> {
    (0..lines.len())
        .filter(|&k| {
            let (s, e) = lines[k];
            doc.chars[s..e].iter().any(|c| !is_space(*c))
        })
        .collect()
}

/// Toolbar buttons and lone brackets next to a chrome line (and next to
/// those, so a whole 【字号: / 加大 / 还原 / 减小 / 】 block goes).
pub fn remove_weak_chrome(doc: &mut Doc, lines: &[(usize, usize)], chrome: &mut [bool]) {
    let idx = non_blank(doc, lines);
    let mut changed = true;
    while changed {
        changed = false;
        for (j, &k) in idx.iter().enumerate() {
            if chrome[k] {
                continue;
            }
            let near = (j > 0 && chrome[idx[j - 1]]) || idx.get(j + 1).is_some_and(|&n| chrome[n]);
            let (s, e) = lines[k];
            if near && is_weak_chrome(&doc.kept_text(s, e)) {
                doc.remove(s, e, RemovedReason::PageChrome);
                chrome[k] = true;
                changed = true;
            }
        }
    }
}

/// A line that could be an article title in a related-articles list.
fn headline_like(line: &str) -> bool {
    let folded: String = line.chars().map(fold_width).collect();
    let t = folded.trim_matches(is_space);
    let n = t.chars().count();
    (2..=60).contains(&n)
        && !t.ends_with(['。', '!', '?', ';', ':', ','])
        && super::outline::parse_marker(t).is_none()
}

/// 相关报道: and the article titles listed under it.
pub fn remove_related_links(doc: &mut Doc, lines: &[(usize, usize)]) {
    let idx = non_blank(doc, lines);
    let mut j = 0;
    while j < idx.len() {
        let (s, e) = lines[idx[j]];
        // Every header holds 相, 读 or 荐: skip the rest without copying them.
        if !doc.chars[s..e]
            .iter()
            .any(|c| matches!(c, '相' | '读' | '荐'))
        {
            j += 1;
            continue;
        }
        let text = doc.kept_text(s, e);
        if text.is_empty() || !is_related_header(&text) {
            j += 1;
            continue;
        }
        doc.remove(s, e, RemovedReason::RelatedLinks);
        j += 1;
        while let Some(&k) = idx.get(j) {
            let (s, e) = lines[k];
            let t = doc.kept_text(s, e);
            if !t.is_empty() && !headline_like(&t) {
                break;
            }
            doc.remove(s, e, RemovedReason::RelatedLinks);
            j += 1;
        }
    }
}

fn flat(s: &str) -> String {
    s.chars()
        .filter(|c| !is_space(*c))
        .map(fold_width)
        .collect()
}

/// A page description near the top (prose, at least 20 chars) that the body
/// then repeats: the opening of a later line, maybe cut off with an ellipsis.
pub fn remove_page_description(doc: &mut Doc, lines: &[(usize, usize)]) {
    let idx: Vec<usize> = (0..lines.len())
        .filter(|&k| (lines[k].0..lines[k].1).any(|i| doc.is_kept(i) && !is_space(doc.chars[i])))
        .collect();
    for (j, &k) in idx.iter().enumerate().take(12) {
        let (s, e) = lines[k];
        let f = flat(&doc.kept_text(s, e));
        // The description sits in the page head, before the body opens with
        // a salutation (各位代表:) or a numbered heading.
        if f.ends_with(':') || super::outline::parse_marker(&f).is_some() {
            return;
        }
        let f = f.trim_end_matches(['…', '.']).to_string();
        let prose = f.contains([',', '。']);
        if !prose || f.chars().count() < 20 {
            continue;
        }
        let repeated = idx[j + 1..].iter().take(60).any(|&n| {
            let (s2, e2) = lines[n];
            flat(&doc.kept_text(s2, e2)).starts_with(&f)
        });
        if repeated {
            doc.remove(s, e, RemovedReason::PageDescription);
            return;
        }
    }
}

/// Footer lines at the end of the page: credits, chrome, ids, back to the
/// last line of the report.
pub fn remove_footer(doc: &mut Doc, lines: &[(usize, usize)]) {
    let idx = non_blank(doc, lines);
    let mut seen = 0;
    let mut files = false;
    for &k in idx.iter().rev() {
        let (s, e) = lines[k];
        let t = doc.kept_text(s, e);
        if t.is_empty() {
            continue;
        }
        seen += 1;
        if seen > 12 {
            return;
        }
        if is_tail_credit(&t) {
            doc.remove(s, e, RemovedReason::Credit);
        } else if is_download(&t) || (files && is_attachment_header(&t)) {
            // A plain 附件: heads the list of files only when files follow.
            files = true;
            doc.remove(s, e, RemovedReason::PageChrome);
        } else if is_chrome(&t) || is_weak_chrome(&t) || is_page_id(&t) {
            doc.remove(s, e, RemovedReason::PageChrome);
        } else {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrome_lines_are_whole_lines_of_chrome_words() {
        for l in [
            "字号:",
            "分享:",
            "有话要说...",
            "【字号 大 中 小】",
            "【打印】【关闭】",
            "下载 打印 收藏",
            "全屏",
            "首页",
            "【字号:",
        ] {
            assert!(is_chrome(l), "{l}");
        }
        for l in [
            "各位代表:",
            "大力发展新质生产力。",
            "中小企业",
            "下载量增长",
            "安全屏障",
            "加大",
            "首页经济",
        ] {
            assert!(!is_chrome(l), "{l}");
        }
    }

    #[test]
    fn weak_chrome_is_only_toolbar_buttons() {
        for l in ["加大", "还原", "减小", "】", "大 中 小"] {
            assert!(is_weak_chrome(l), "{l}");
        }
        for l in ["加大投入", "还原了", "。", "大力"] {
            assert!(!is_weak_chrome(l), "{l}");
        }
    }

    #[test]
    fn breadcrumbs() {
        assert!(is_breadcrumb("当前位置:首页 > 新闻 > 正文"));
        assert!(is_breadcrumb("首页 > 政务公开 > 规划计划"));
        assert!(!is_breadcrumb("首页经济快速发展"));
    }

    #[test]
    fn ids_credits_related() {
        assert!(is_page_id("3f2a9c0d1e7b4a5c9d8e"));
        assert!(is_page_id("ab0652d2-7dc4-49e7-89f1-1901d3eb723b"));
        assert!(!is_page_id("20242025202620272028"));
        assert!(!is_page_id("deadbeefdeadbeefdead"));
        assert!(is_credit("(浙江日报)"));
        assert!(is_credit("(《人民日报》19821214第1版)"));
        assert!(is_credit("(严龙 摄)"));
        assert!(is_credit("责任编辑:张三"));
        assert!(!is_credit("(一)加快发展"));
        assert!(!is_credit("(工作简报)"));
        assert!(!is_credit("(2024年1月23日)"));
        assert!(!is_credit("编辑出版工作取得进展。"));
        assert!(is_credit("某某日报记者 王五 摄"));
        assert!(!is_credit("新安装视频监控摄像机"));
        assert!(is_download("文档附件:"));
        assert!(is_download("- 2019年政府工作报告.pdf"));
        assert!(!is_download("附件:"));
        assert!(!is_download("推进数字化转型。"));
        assert!(is_tail_credit("来源:某市人民政府"));
        assert!(is_tail_credit("(市政府办公厅 年鉴处)"));
        assert!(is_related_header("相关报道:"));
        assert!(is_related_header("【相关阅读】"));
        assert!(!is_related_header("相关报道显示增长"));
    }

    #[test]
    fn jump_markers_in_all_forms() {
        for m in [
            "(紧转第2版)",
            "(紧接第1版)",
            "(下转A2版)",
            "(下转第四版)",
            "(上接A02版)",
            "下转 12版",
            "上接第11版)",
            "(转第3版)",
        ] {
            let f: String = m.chars().map(fold_width).collect();
            assert_eq!(JUMP.find(&f).map(|x| x.as_str()), Some(f.as_str()), "{m}");
        }
        assert!(JUMP.find("转型升级版").is_none());
        assert!(JUMP.find("接第二版本").is_none());
        assert!(JUMP_PAIR.is_match("(下转第3版)\n\n(上接第2版)"));
    }

    #[test]
    fn comments_may_span_lines() {
        let c: Vec<char> = "甲<!-- 一\n二 -->乙<!-- 未完".chars().collect();
        assert_eq!(html_comments(&c), vec![(1, 13)]);
    }
}
