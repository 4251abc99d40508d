package kz.komek.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VoteMarksTest {
    @Test
    void aMarkIsReadWithoutBuildingTheMarks() {
        String value = "1580y.462n.17562y";
        assertThat(VoteMarks.mark(value, 1580)).isEqualTo(VoteMarks.USEFUL);
        assertThat(VoteMarks.mark(value, 462)).isEqualTo(VoteMarks.NOT_USEFUL);
        assertThat(VoteMarks.mark(value, 17562)).isEqualTo(VoteMarks.USEFUL);
        assertThat(VoteMarks.mark(value, 158)).isEqualTo(VoteMarks.NONE);
        assertThat(VoteMarks.mark(value, 15800)).isEqualTo(VoteMarks.NONE);
        assertThat(VoteMarks.mark("-", 1580)).isEqualTo(VoteMarks.NONE);
        // the newest entry wins, as parse() keeps it
        assertThat(VoteMarks.mark("5y.5n", 5)).isEqualTo(VoteMarks.NOT_USEFUL);
    }

    @Test
    void anythingKomekDidNotWriteIsUnreadable() {
        for (String forged : List.of(
                "",
                "y",
                "12",
                "12x",
                "12y.",
                ".12y",
                "12y..13n",
                "012y",
                "12y;13n",
                "<script>",
                "12Y",
                "1234567890123456789y",
                "12y.13n".repeat(1000))) {
            assertThat(VoteMarks.mark(forged, 12)).as(forged).isEqualTo(VoteMarks.UNREADABLE);
            assertThat(VoteMarks.parse(forged)).as(forged).isEmpty();
        }
        assertThat(VoteMarks.mark(null, 12)).isEqualTo(VoteMarks.UNREADABLE);
    }

    @Test
    void theNewestVotesAreKeptInTheirOrder() {
        var marks = VoteMarks.none().with(3, true).with(1, false).with(3, false);
        assertThat(marks.value()).isEqualTo("1n.3n");
        assertThat(marks.of(3)).hasValue(false);
        assertThat(marks.of(2)).isEmpty();
        assertThat(VoteMarks.parse(marks.value())).hasValue(marks);
        assertThat(VoteMarks.none().value()).isEqualTo("-");
        assertThat(VoteMarks.parse("-")).hasValue(VoteMarks.none());

        var full = VoteMarks.none();
        for (long id = 1; id <= VoteMarks.MOST + 5; id++) {
            full = full.with(id, id % 2 == 0);
        }
        assertThat(full.votes()).hasSize(VoteMarks.MOST);
        assertThat(full.of(1)).as("the oldest is forgotten").isEmpty();
        assertThat(full.of(VoteMarks.MOST + 5)).hasValue(false);
        assertThat(full.value().length()).as("fits a cookie").isLessThan(4000);
        assertThat(VoteMarks.mark(full.value(), VoteMarks.MOST + 4)).isEqualTo(VoteMarks.USEFUL);
    }

    @Test
    void marksFromTheDatabaseKeepTheNewest() {
        var marks = VoteMarks.ofNewestFirst(List.of(Map.entry(9L, true), Map.entry(4L, false)));
        assertThat(marks.value()).isEqualTo("4n.9y");
    }

    @Test
    void theQuestionOfAPathIsItsLastSegment() {
        assertThat(PageCache.questionIn("/client/kz/bonus/save/general/q1580")).isEqualTo(1580);
        assertThat(PageCache.questionIn("/client/kz/bonus/save")).isZero();
        assertThat(PageCache.questionIn("/client/kz/bonus/q")).isZero();
        assertThat(PageCache.questionIn("/client/kz/bonus/q12a")).isZero();
        assertThat(PageCache.questionIn("/client/kz/bonus/q99999999999999999999"))
                .isZero();
        assertThat(PageCache.mark("/c/kz/s/q5", null, "5y")).isEqualTo(VoteMarks.USEFUL);
        assertThat(PageCache.mark("/c/kz/s", null, "5y")).isEqualTo(VoteMarks.NONE);
        assertThat(PageCache.mark("/c/kz/s/q5", "AAAAAAAAAAAAAAAAAAAAAA", null)).isEqualTo(PageCache.ALONE);
        assertThat(PageCache.mark("/c/kz/s/q5", "AAAAAAAAAAAAAAAAAAAAAA", "garbage"))
                .isEqualTo(PageCache.ALONE);
        assertThat(PageCache.mark("/c/kz/s/q5", null, "garbage")).isEqualTo(VoteMarks.NONE);
    }

    @Test
    void gzipIsTakenUnlessRefused() {
        assertThat(PageCache.acceptsGzip("gzip, deflate, br")).isTrue();
        assertThat(PageCache.acceptsGzip("br;q=1.0, gzip;q=0.8")).isTrue();
        assertThat(PageCache.acceptsGzip("*")).isTrue();
        assertThat(PageCache.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(PageCache.acceptsGzip("gzip; q=0.000")).isFalse();
        assertThat(PageCache.acceptsGzip("identity")).isFalse();
        assertThat(PageCache.acceptsGzip(null)).isFalse();
    }
}
