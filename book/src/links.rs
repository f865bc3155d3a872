//! Checks of the book's Markdown that `mdbook build` does not make: every chapter is in
//! `SUMMARY.md` and included by `lib.rs` (so its code blocks are tested), every relative
//! link and `#anchor` resolves, no reference link lacks its definition (mdBook renders
//! those as literal brackets), and no raw HTML slips in (a `<T>` outside backticks).
//! Markdown is parsed with pulldown-cmark and mdBook's options, and heading ids are
//! made as mdBook makes them.

use pulldown_cmark::{BrokenLink, Event, Options, Parser, Tag, TagEnd};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// The Markdown extensions mdBook turns on.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// What one Markdown file holds, as far as links are concerned.
#[derive(Default)]
struct Page {
    /// The ids of its headings.
    anchors: BTreeSet<String>,
    /// The destinations of its links, as written.
    links: Vec<String>,
    /// Problems found while parsing: undefined references, raw HTML.
    problems: Vec<String>,
}

/// mdBook's id of a heading: its text, lower-cased, spaces as `-`, other characters
/// that are neither alphanumeric nor `-`/`_` dropped.
fn normalize_id(text: &str) -> String {
    text.chars()
        .filter_map(|c| {
            if c.is_alphanumeric() || c == '_' || c == '-' {
                Some(c.to_ascii_lowercase())
            } else if c.is_whitespace() {
                Some('-')
            } else {
                None
            }
        })
        .collect()
}

fn parse(markdown: &str) -> Page {
    let mut page = Page::default();
    let mut undefined = Vec::new();
    let mut on_broken = |link: BrokenLink<'_>| {
        undefined.push(link.reference.to_string());
        None
    };
    let parser = Parser::new_with_broken_link_callback(markdown, options(), Some(&mut on_broken));
    // Repeated headings get `-1`, `-2`, ... in order, as in mdBook.
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut heading: Option<(String, Option<String>)> = None;
    for event in parser {
        match event {
            Event::Start(Tag::Heading { id, .. }) => {
                heading = Some((String::new(), id.map(|id| id.to_string())));
            }
            Event::End(TagEnd::Heading(_)) => {
                let (text, explicit) = heading.take().expect("a heading ends after it starts");
                let id = explicit.unwrap_or_else(|| {
                    let base = normalize_id(&text);
                    let count = seen.entry(base.clone()).or_insert(0);
                    let id = if *count == 0 {
                        base.clone()
                    } else {
                        format!("{base}-{count}")
                    };
                    *count += 1;
                    id
                });
                page.anchors.insert(id);
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((text, _)) = &mut heading {
                    text.push_str(&t);
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => page.links.push(dest_url.to_string()),
            Event::Html(html) | Event::InlineHtml(html) => page.problems.push(format!(
                "raw HTML `{}` (put code in backticks)",
                html.trim()
            )),
            _ => {}
        }
    }
    page.problems.extend(
        undefined
            .into_iter()
            .map(|r| format!("`[{r}]` is not a link: no definition of the reference (write `[text](target)`, or drop the brackets)")),
    );
    page
}

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Every `.md` file of `book/src`, by file name, parsed.
fn chapters() -> BTreeMap<String, Page> {
    let mut pages = BTreeMap::new();
    for entry in std::fs::read_dir(src_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            let name = path.file_name().unwrap().to_str().unwrap().to_string();
            pages.insert(name, parse(&read(&path)));
        }
    }
    pages
}

fn is_external(dest: &str) -> bool {
    dest.contains("://") || dest.starts_with("mailto:")
}

/// What is wrong with each link of `page` (named `name`) among `pages`.
fn broken_links(name: &str, page: &Page, pages: &BTreeMap<String, Page>) -> Vec<String> {
    let mut problems = Vec::new();
    for dest in page.links.iter().filter(|d| !is_external(d)) {
        let (file, anchor) = match dest.split_once('#') {
            Some((file, anchor)) => (file, Some(anchor)),
            None => (dest.as_str(), None),
        };
        let target = if file.is_empty() { name } else { file };
        let Some(target_page) = pages.get(target) else {
            problems.push(format!(
                "{name}: link `{dest}`: `{target}` is not a chapter in book/src (the rendered book has only its chapters)"
            ));
            continue;
        };
        if let Some(anchor) = anchor
            && !target_page.anchors.contains(anchor)
        {
            problems.push(format!(
                "{name}: link `{dest}`: no heading with id `{anchor}` in {target} (ids: {:?})",
                target_page.anchors
            ));
        }
    }
    problems
}

#[test]
fn every_chapter_is_in_the_summary_and_tested() {
    let pages = chapters();
    let summary = &pages["SUMMARY.md"];
    let listed: BTreeSet<&str> = summary.links.iter().map(String::as_str).collect();
    let lib = read(&src_dir().join("lib.rs"));
    let mut problems = Vec::new();
    for name in pages.keys().filter(|n| *n != "SUMMARY.md") {
        if !listed.contains(name.as_str()) {
            problems.push(format!("{name} is not listed in SUMMARY.md"));
        }
        if !lib.contains(&format!("include_str!(\"{name}\")")) {
            problems.push(format!(
                "{name} is not included by lib.rs, so its code blocks are not tested"
            ));
        }
    }
    for dest in &listed {
        if !pages.contains_key(*dest) {
            problems.push(format!(
                "SUMMARY.md lists `{dest}`, which is not a file in book/src"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_link_and_anchor_resolves() {
    let pages = chapters();
    let mut problems = Vec::new();
    for (name, page) in &pages {
        problems.extend(broken_links(name, page, &pages));
        problems.extend(page.problems.iter().map(|p| format!("{name}: {p}")));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn readme_links_name_existing_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let readme = parse(&read(&root.join("README.md")));
    let missing: Vec<&String> = readme
        .links
        .iter()
        .filter(|d| !is_external(d))
        .filter(|d| !root.join(d.split('#').next().unwrap()).exists())
        .collect();
    assert!(
        missing.is_empty(),
        "README.md links to missing files: {missing:?}"
    );
    assert!(
        readme.problems.is_empty(),
        "README.md: {}",
        readme.problems.join("\n")
    );
}

/// The checks themselves: ids as mdBook makes them, and each kind of problem caught.
#[test]
fn the_checks_catch_what_they_claim() {
    assert_eq!(normalize_id("`#[jit]` functions"), "jit-functions");
    assert_eq!(normalize_id("Numba → jitclass"), "numba--jitclass");
    assert_eq!(normalize_id("`PassThru<T>` in Rust"), "passthrut-in-rust");
    assert_eq!(
        normalize_id("C callbacks: `extern \"C\"` jit fns"),
        "c-callbacks-extern-c-jit-fns"
    );

    let a = parse("# Title\n\n## Same\n\n## Same\n\n## Own {#custom}\n");
    let ids: Vec<&str> = a.anchors.iter().map(String::as_str).collect();
    assert_eq!(ids, ["custom", "same", "same-1", "title"]);

    let b = parse(
        "[ok](a.md#same-1) [self](#local) [gone](missing.md) [bad](a.md#nope) [web](https://x.org)\n\n\
         ## Local\n\nSee [`Thing`] and Option<T>.\n",
    );
    let pages = BTreeMap::from([("a.md".to_string(), a), ("b.md".to_string(), b)]);
    let problems = broken_links("b.md", &pages["b.md"], &pages);
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].contains("`missing.md` is not a chapter"));
    assert!(problems[1].contains("no heading with id `nope`"));
    let parse_problems = &pages["b.md"].problems;
    assert_eq!(parse_problems.len(), 2, "{parse_problems:?}");
    assert!(parse_problems[0].starts_with("raw HTML `<T>`"));
    assert!(parse_problems[1].starts_with("`[`Thing`]` is not a link"));
}
