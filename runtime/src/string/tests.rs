//! Tests of the strings runtime.

use super::*;

#[test]
fn split_whitespace_steps_as_std_splits() {
    let texts = [
        "",
        "   ",
        "one",
        " two  words ",
        "tab\tnew\nline\rcr\x0bvt\x0cff end",
        "nbsp\u{a0}is\u{85}space\u{3000}too\u{2028}x",
        "é à\u{200b}zero-width-is-not",
        "\u{1680}ogham\u{205f}\u{3000}",
        "ascii then γάμμα\tand\u{a0}\u{a0}more\x0b",
        "\u{85}",
    ];
    for text in texts {
        let mut words = Vec::new();
        let mut pos = 0;
        while let Some(((a, b), (next, _))) = next_item(TextIter::SplitWhitespace, text, "", pos, 0)
        {
            words.push(&text[a..b]);
            pos = next;
        }
        assert_eq!(
            words,
            text.split_whitespace().collect::<Vec<_>>(),
            "{text:?}"
        );
        // The helper jit code calls, as its loop calls it.
        let kind = TextIter::ALL
            .iter()
            .position(|&k| k == TextIter::SplitWhitespace)
            .unwrap() as u32;
        let mut state = [0usize; 4];
        let mut stepped = Vec::new();
        loop {
            // SAFETY: a `&str`, no pattern, four `usize`s.
            unsafe {
                step(
                    kind,
                    text.as_ptr(),
                    text.len(),
                    text.as_ptr(),
                    0,
                    state.as_mut_ptr(),
                )
            };
            if state[0] == usize::MAX {
                break;
            }
            stepped.push(&text[state[0]..state[1]]);
        }
        assert_eq!(stepped, words, "{text:?}");
        assert_eq!(state[2..], [text.len(); 2]);
    }
}

/// std's message of `&s[begin..end]`, caught.
fn std_message(s: &str, begin: usize, end: usize) -> Option<String> {
    let owned = s.to_string();
    std::panic::catch_unwind(move || owned[begin..end].len())
        .err()
        .map(|e| {
            e.downcast_ref::<String>()
                .cloned()
                .unwrap_or_else(|| e.downcast_ref::<&str>().unwrap().to_string())
        })
}

/// std's message of `&s[begin..=end]`, caught.
fn std_inclusive_message(s: &str, begin: usize, end: usize) -> Option<String> {
    let owned = s.to_string();
    std::panic::catch_unwind(move || owned[begin..=end].len())
        .err()
        .map(|e| {
            e.downcast_ref::<String>()
                .cloned()
                .unwrap_or_else(|| e.downcast_ref::<&str>().unwrap().to_string())
        })
}

#[test]
fn slice_errors_are_std_s() {
    let long = "é".repeat(200);
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    for s in ["", "abc", "héllo wörld", "a€𝄞b", long.as_str()] {
        let mut ends: Vec<usize> = (0..s.len() + 3).collect();
        ends.push(usize::MAX);
        for begin in 0..s.len() + 3 {
            for &end in &ends {
                assert_eq!(
                    slice_error(s, begin, end),
                    std_message(s, begin, end),
                    "{s:?}[{begin}..{end}]"
                );
                assert_eq!(
                    slice_inclusive_error(s, begin, end),
                    std_inclusive_message(s, begin, end),
                    "{s:?}[{begin}..={end}]"
                );
            }
        }
    }
    std::panic::set_hook(hook);
}

/// The items of `iter` over `s` as the step helper gives them.
fn items(iter: TextIter, s: &str, p: &str) -> Vec<String> {
    let kind = TextIter::ALL.iter().position(|&i| i == iter).unwrap() as u32;
    let mut state = [0usize; 4];
    let mut out = Vec::new();
    loop {
        // SAFETY: two live `&str`s and four `usize`s.
        unsafe {
            step(
                kind,
                s.as_ptr(),
                s.len(),
                p.as_ptr(),
                p.len(),
                state.as_mut_ptr(),
            )
        };
        if state[0] == usize::MAX {
            return out;
        }
        // A byte's range may be inside a char: its bytes, shown lossily.
        out.push(String::from_utf8_lossy(&s.as_bytes()[state[0]..state[1]]).into_owned());
    }
}

#[test]
fn iterators_give_std_s_items() {
    let texts = [
        "",
        " ",
        "a",
        "a b",
        "  lead and trail  ",
        "a\nb\r\nc\n",
        "x\r",
        "\n\n",
        "a,b,,c,",
        ",",
        "é,ü,,€",
        "aaa",
        "\u{3000}wide\u{a0}space\t",
    ];
    for s in texts {
        let strings = |v: Vec<&str>| v.into_iter().map(String::from).collect::<Vec<_>>();
        assert_eq!(
            items(TextIter::SplitWhitespace, s, ""),
            strings(s.split_whitespace().collect()),
            "{s:?}"
        );
        assert_eq!(
            items(TextIter::Lines, s, ""),
            strings(s.lines().collect()),
            "{s:?}"
        );
        for p in [",", "", "a", "aa", ",,", "\n", "é"] {
            assert_eq!(
                items(TextIter::Split, s, p),
                strings(s.split(p).collect()),
                "{s:?} / {p:?}"
            );
        }
        let chars: Vec<String> = s.chars().map(String::from).collect();
        assert_eq!(items(TextIter::Chars, s, ""), chars, "{s:?}");
        assert_eq!(items(TextIter::Bytes, s, "").len(), s.len());
    }
}
