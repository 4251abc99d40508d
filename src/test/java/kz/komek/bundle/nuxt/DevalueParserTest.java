package kz.komek.bundle.nuxt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.List;
import kz.komek.bundle.BundleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DevalueParserTest {

    @Test
    void readsObjectsArraysAndPrimitivesThroughIndices() {
        JsonNode root = DevalueParser.parse(
                "[{\"title\":1,\"tags\":2,\"count\":5,\"ok\":6,\"none\":7},\"Бонус\",[3,4],\"a\",\"b\",3,true,null]");

        assertThat(root.get("title").textValue()).isEqualTo("Бонус");
        assertThat(root.get("tags")).hasSize(2);
        assertThat(root.get("tags").get(0).textValue()).isEqualTo("a");
        assertThat(root.get("tags").get(1).textValue()).isEqualTo("b");
        assertThat(root.get("count").intValue()).isEqualTo(3);
        assertThat(root.get("ok").booleanValue()).isTrue();
        assertThat(root.get("none").isNull()).isTrue();
    }

    @Test
    void unescapesJsonStrings() {
        JsonNode root = DevalueParser.parse("[\"\\u003Cp>Сәлем\\n\\\"досым\\\"\\u003C/p>\"]");

        assertThat(root.textValue()).isEqualTo("<p>Сәлем\n\"досым\"</p>");
    }

    @Test
    void negativeIndicesAreSpecialValues() {
        JsonNode root = DevalueParser.parse(
                "[{\"undef\":-1,\"hole\":-2,\"nan\":-3,\"inf\":-4,\"minusInf\":-5,\"minusZero\":-6,\"list\":1},"
                        + "[-1,-2,2],\"x\"]");

        assertThat(root.has("undef")).as("undefined drops the key").isFalse();
        assertThat(root.get("hole").isNull())
                .as("-2 outside an array reads as null")
                .isTrue();
        assertThat(root.get("nan").doubleValue()).isNaN();
        assertThat(root.get("inf").doubleValue()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(root.get("minusInf").doubleValue()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(1 / root.get("minusZero").doubleValue()).isEqualTo(Double.NEGATIVE_INFINITY);
        JsonNode list = root.get("list");
        assertThat(list).hasSize(3);
        assertThat(list.get(0).isNull()).as("undefined in an array").isTrue();
        assertThat(list.get(1).isNull()).as("a hole").isTrue();
        assertThat(list.get(2).textValue()).isEqualTo("x");
    }

    @Test
    void aLoneNegativeNumberIsAStandaloneSpecial() {
        assertThat(DevalueParser.parse("-1").isMissingNode()).isTrue();
        assertThat(DevalueParser.parse("-3").doubleValue()).isNaN();
    }

    @Test
    void vueWrappersAreUnwrapped() {
        JsonNode root = DevalueParser.parse("[[\"Reactive\",1],{\"a\":2,\"b\":3,\"c\":4,\"d\":5},"
                + "[\"ShallowReactive\",6],[\"Ref\",7],[\"ShallowRef\",8],[\"NuxtError\",9],"
                + "\"reactive\",\"ref\",\"shallow\",{\"message\":10},\"boom\"]");

        assertThat(root.get("a").textValue()).isEqualTo("reactive");
        assertThat(root.get("b").textValue()).isEqualTo("ref");
        assertThat(root.get("c").textValue()).isEqualTo("shallow");
        assertThat(root.get("d").get("message").textValue())
                .as("unknown reviver gets its argument")
                .isEqualTo("boom");
    }

    @Test
    void emptyRefsHoldTheirValueAsJsonText() {
        JsonNode root = DevalueParser.parse("[{\"a\":1,\"b\":3,\"c\":5,\"d\":7},"
                + "[\"EmptyRef\",2],\"_\",[\"EmptyShallowRef\",4],\"0n\",[\"EmptyRef\",6],\"{\\\"x\\\":1}\","
                + "[\"EmptyRef\",8],\"null\"]");

        assertThat(root.get("a").isNull()).as("\"_\" is undefined").isTrue();
        assertThat(root.get("b").bigIntegerValue()).isEqualTo(BigInteger.ZERO);
        assertThat(root.get("c").get("x").intValue()).isEqualTo(1);
        assertThat(root.get("d").isNull()).isTrue();
    }

    @Test
    void setsMapsDatesRegExpsBigIntsBoxesAndNullPrototypeObjects() {
        JsonNode root = DevalueParser.parse("[{\"set\":1,\"map\":4,\"date\":7,\"re\":8,\"big\":9,\"boxed\":10,"
                + "\"bare\":11,\"emptySet\":12,\"badDate\":13},"
                + "[\"Set\",2,3],\"kz\",\"ru\","
                + "[\"Map\",5,6,2,3],{\"k\":2},\"v\","
                + "[\"Date\",\"2021-01-03T02:25:26.712Z\"],[\"RegExp\",\"q\\\\d+\",\"gi\"],"
                + "[\"BigInt\",\"12345678901234567890\"],[\"Object\",\"boxed\"],[\"null\",\"key\",6],[\"Set\"],"
                + "[\"Date\",\"\"]]");

        assertThat(root.get("set").toString()).isEqualTo("[\"kz\",\"ru\"]");
        assertThat(root.get("map").toString()).isEqualTo("[[{\"k\":\"kz\"},\"v\"],[\"kz\",\"ru\"]]");
        assertThat(root.get("date").textValue()).isEqualTo("2021-01-03T02:25:26.712Z");
        assertThat(root.get("re").textValue()).isEqualTo("/q\\d+/gi");
        assertThat(root.get("big").bigIntegerValue()).isEqualTo(new BigInteger("12345678901234567890"));
        assertThat(root.get("boxed").textValue()).isEqualTo("boxed");
        assertThat(root.get("bare").get("key").textValue()).isEqualTo("v");
        assertThat(root.get("emptySet")).isEmpty();
        assertThat(root.get("badDate").isNull()).isTrue();
    }

    @Test
    void aSharedIndexGivesTheSameNodeEverywhere() {
        JsonNode root = DevalueParser.parse("[{\"first\":1,\"second\":1,\"list\":3},{\"name\":2},\"shared\",[1,1]]");

        assertThat(root.get("first")).isSameAs(root.get("second"));
        assertThat(root.get("list").get(0)).isSameAs(root.get("first"));
        assertThat(root.get("first").get("name").textValue()).isEqualTo("shared");
    }

    @Test
    void aValueContainingItselfIsReportedAsACycle() {
        assertThatThrownBy(() -> DevalueParser.parse("[{\"self\":0}]"))
                .isInstanceOf(BundleException.class)
                .hasMessageContaining("devalue index 0")
                .hasMessageContaining("cycle");
        assertThatThrownBy(() -> DevalueParser.parse("[{\"a\":1},[\"Reactive\",2],[0]]"))
                .isInstanceOf(BundleException.class)
                .hasMessageContaining("cycle");
    }

    @Test
    void absurdNestingFailsCleanlyInsteadOfOverflowingTheStack() {
        StringBuilder payload = new StringBuilder("[");
        for (int i = 0; i < 5_000; i++) {
            payload.append('[').append(i + 1).append("],");
        }
        payload.append("\"deep\"]");

        assertThatThrownBy(() -> DevalueParser.parse(payload.toString()))
                .isInstanceOf(BundleException.class)
                .hasMessageContaining("nested deeper");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not json",
                "{\"format\":\"komek-bundle/1\"}",
                "[]",
                "[1,2",
                "\"text\"",
                "[{\"a\":\"not an index\"}]",
                "[{\"a\":7}]",
                "[{\"a\":-9}]",
                "[[\"BigInt\",\"12x\"]]",
                "[[1, 2.5]]"
            })
    void malformedPayloadsFailWithABundleException(String payload) {
        assertThatThrownBy(() -> DevalueParser.parse(payload)).isInstanceOf(BundleException.class);
    }

    @Test
    void readsTheTailOfACutPayloadAndNamesHiddenIndices() {
        List<JsonNode> tail = DevalueParser.elementsOf(DevalueParser.readJson("[{\"a\":11,\"b\":3},\"seen\"]"));
        DevalueParser parser = new DevalueParser(tail, 10);

        assertThat(parser.hydrate(11).textValue()).isEqualTo("seen");
        assertThat(parser.isVisible(9)).isFalse();
        assertThatThrownBy(() -> parser.hydrate(10))
                .isInstanceOf(BundleException.class)
                .hasMessage("devalue index 3: stored before the cut, not in the payload");
    }

    @Test
    void listsTheIndicesAContainerRefersTo() {
        assertThat(DevalueParser.references("x", DevalueParser.readJson("{\"a\":3,\"b\":-1,\"c\":1}")))
                .containsExactly(3, 1);
        assertThat(DevalueParser.references("x", DevalueParser.readJson("[\"Map\",4,5]")))
                .containsExactly(4, 5);
        assertThat(DevalueParser.references("x", DevalueParser.readJson("[\"null\",\"key\",6]")))
                .containsExactly(6);
        assertThat(DevalueParser.references("x", DevalueParser.readJson("[\"Date\",\"2021-01-03\"]")))
                .isEmpty();
        assertThat(DevalueParser.references("x", DevalueParser.readJson("\"text\"")))
                .isEmpty();
    }
}
