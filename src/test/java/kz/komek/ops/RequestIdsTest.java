package kz.komek.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which ids a request may bring, and the ones a node makes. */
class RequestIdsTest {
    private final RequestIds ids = new RequestIds();

    @Test
    void aSaneIdIsKept() {
        for (String id :
                new String[] {"a", "abc-123", "req_1.2:3", "0f8fad5b-d9cb-469f-a165-70867728950e", "x".repeat(128)}) {
            assertThat(ids.of(id)).isEqualTo(id);
        }
    }

    @Test
    void anythingElseGetsANewOne() {
        for (String hostile : new String[] {
            null,
            "",
            "x".repeat(129),
            "a b",
            "a\tb",
            "line\nbreak",
            "quote\"",
            "<script>",
            "a;b",
            "a/b",
            "a=b",
            "идентификатор",
            "%0d%0a",
            "a\u0000b"
        }) {
            String id = ids.of(hostile);
            assertThat(id).as(String.valueOf(hostile)).isNotEqualTo(hostile).matches("[a-z0-9]{8}-[0-9a-z]+");
        }
    }

    @Test
    void madeIdsDifferWithinANodeAndBetweenNodes() {
        var other = new RequestIds();
        String a = ids.of(null);
        String b = ids.of(null);
        assertThat(a).isNotEqualTo(b);
        assertThat(other.of(null)).isNotEqualTo(a);
    }
}
