package kz.komek.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Refusing a bundle the heap cannot hold, with budgets given rather than a heap really exhausted. */
class HeapBudgetTest {
    private static final long MAX = 256L << 20;

    @Test
    void aFileTooLargeForTheHeapIsRefusedBeforeItIsReadNamingSizeLimitAndHowToRaiseIt() {
        var read = new AtomicBoolean();
        assertThatThrownBy(() -> new HeapBudget(1_000_000, MAX).read("big.json", 300_000, () -> {
                    read.set(true);
                    return "bundle";
                }))
                .isInstanceOf(HeapBudget.TooLarge.class)
                .isInstanceOf(BundleException.class)
                .hasMessage("big.json: is 0.3 MiB; reading it takes about 1.4 MiB of heap, and this JVM can get 1.0 MiB"
                        + " more (of -Xmx 256.0 MiB): start java with a larger heap, e.g. java -Xmx512m -jar"
                        + " komek.jar …");
        assertThat(read).isFalse();
    }

    @Test
    void runningOutOfHeapWhileReadingIsTheSameRefusal() {
        assertThatThrownBy(() -> new HeapBudget(MAX, MAX).read("body", 1_000, () -> {
                    throw new OutOfMemoryError("Java heap space");
                }))
                .isInstanceOf(HeapBudget.TooLarge.class)
                .hasMessageStartingWith("body: is 0.0 MiB; reading it takes about")
                .hasMessageContaining("-Xmx");
    }

    @Test
    void aFileThatFitsIsReadAndOtherProblemsPassThrough() {
        assertThat(new HeapBudget(5_000, MAX).read("small.json", 1_000, () -> "bundle"))
                .isEqualTo("bundle");
        assertThatThrownBy(() -> new HeapBudget(MAX, MAX).read("small.json", 1_000, () -> {
                    throw new BundleException("question 5", "broken");
                }))
                .isNotInstanceOf(HeapBudget.TooLarge.class)
                .hasMessage("question 5: broken");
    }

    @Test
    void theSuggestedHeapCoversWhatIsInUseAndTheReading() {
        // 200 MB in use, a 100 MB file takes 500 MB to read: with a tenth spare 734 MiB, so 768 (steps of 256)
        assertThatThrownBy(() -> new HeapBudget(MAX - 200_000_000, MAX).read("f", 100_000_000, () -> "x"))
                .hasMessageEndingWith("e.g. java -Xmx768m -jar komek.jar …");
    }

    @Test
    void thisJvmHasABudget() {
        HeapBudget now = HeapBudget.ofThisJvm(1_000);
        assertThat(now.max()).isEqualTo(Runtime.getRuntime().maxMemory());
        assertThat(now.available()).isPositive().isLessThanOrEqualTo(now.max());
    }
}
