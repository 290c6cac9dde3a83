package dev.seqlab.sentences;

import java.util.ArrayList;
import java.util.List;

/** Varied test sentences, each probing a step of the BERT tokenizer or the encoder. */
final class TestSentences {

    private TestSentences() {}

    /** A text of about {@code words} words of ordinary English prose, written for these tests. */
    static String prose(int words) {
        String[] base = ("The river ran slowly past the old mill, where children played on warm summer evenings "
                        + "and their parents talked about the harvest, the weather, and the price of bread in town. ")
                .split(" ");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            sb.append(base[i % base.length]).append(' ');
        }
        return sb.toString().strip();
    }

    /** Sentences from the ordinary to the awkward. */
    static List<String> all() {
        List<String> s = new ArrayList<>(List.of(
                "The quick brown fox jumps over the lazy dog.",
                "A man is playing a guitar on stage.",
                "Hello, world! How are you doing today?",
                "café naïve Ångström résumé façade",
                "I paid $1,234.56 for 3 items on 2024-05-17 at 10:30pm.",
                "MiXeD CaSe WoRdS and ALL CAPS SHOUTING",
                "中国的首都是北京。",
                "日本語と English が混ざった文章です",
                "I love pizza 🍕🍕 and emoji 😀👍🏽! family: 👨‍👩‍👧",
                "   ",
                "",
                "!!!???...",
                "e-mail: someone@example.com, URL: https://example.org/path?q=1&r=2",
                "unbelievably antidisestablishmentarianism supercalifragilisticexpialidocious",
                "a".repeat(150) + " and a word of exactly one hundred letters " + "b".repeat(100),
                "Straße İstanbul ΣΊΣΥΦΟΣ Ελληνικά Привет мир",
                "tab\tseparated\nnew line\r\ncarriage and\u00a0nbsp\u200bzero-width\u0000nul\u0007bell",
                "Tokens like [CLS] and [SEP] and [MASK] inside text, and [cls] in lower case",
                "He said “quoted” text — with dashes – and an ellipsis…",
                "C++ and C# are languages; so is F#. x^2 + y^2 = z^2 | a < b > c ~ d `e`",
                "12345678901234567890 3.14159 1e-9 ½ ¼ ² €100 ©2024 ™",
                "ﬁne ligatures ﬀ Ⅻ ① full-width ＡＢＣ１２３",
                "all-MiniLM-L6-v2 is a sentence-transformers model.",
                "x",
                "مرحبا بالعالم and नमस्ते दुनिया and Zalgo t̶̢e̵x̷t",
                prose(60),
                prose(300),
                prose(2000)));
        return s;
    }
}
