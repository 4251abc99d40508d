package kz.komek.bundle;

import java.util.function.Supplier;

/**
 * The heap reading a document whole may take: a Nuxt page payload (small: one page's data), or a bundle that
 * {@code search-eval} needs in memory anyway. An import streams a bundle ({@link BundleReader}) and is not held to
 * this. A document read whole has its bytes, the decoded text, Jackson's tree and the records alive at once for a
 * moment, so one too large for the heap would end in an {@link OutOfMemoryError} trace. This refuses it before reading, with the size, the limit and how to raise it, and turns an
 * {@code OutOfMemoryError} during the reading itself (the estimate was short) into the same refusal.
 *
 * @param available heap bytes the JVM can still get (its maximum heap less what is in use)
 * @param max the JVM's maximum heap ({@code -Xmx})
 */
public record HeapBudget(long available, long max) {
    /**
     * Heap bytes at the peak of reading per byte of file. Measured on files of {@code generate} (5,000 and 20,000
     * questions, 12.8 and 50.4 MB; the least {@code -Xmx} that read them whole: 70 and 225 MiB, about 4.5 × the
     * file beside what the JVM holds already): the UTF-8 bytes, the decoder's buffer and the string (two bytes a
     * character), then the tree. Rounded up; what the estimate misses, the caught {@code OutOfMemoryError} covers.
     */
    static final int EXPANSION = 5;

    /** Sizes are said in MiB, as {@code -Xmx…m} counts them. */
    private static final long MIB = 1 << 20;

    public HeapBudget {
        if (available < 0 || max <= 0) {
            throw new IllegalArgumentException("heap sizes are positive: " + available + ", " + max);
        }
    }

    /** A bundle that this JVM's heap cannot hold while reading it: a 413 on the API, bad input (1) on the CLI. */
    public static final class TooLarge extends BundleException {
        private static final long serialVersionUID = 1L;

        TooLarge(String where, String problem) {
            super(where, problem);
        }
    }

    /**
     * What this JVM can still get for reading {@code size} bytes. "In use" counts garbage not yet collected, so
     * when that looks too little, the heap is collected once and measured again: only for a file that large, rare
     * and no hot path, rather than refusing an import a collection would make room for.
     */
    public static HeapBudget ofThisJvm(long size) {
        HeapBudget now = measure();
        if (size * EXPANSION <= now.available()) {
            return now;
        }
        System.gc();
        return measure();
    }

    private static HeapBudget measure() {
        Runtime r = Runtime.getRuntime();
        return new HeapBudget(Math.max(0, r.maxMemory() - (r.totalMemory() - r.freeMemory())), r.maxMemory());
    }

    /**
     * Reads {@code size} bytes of bundle with {@code reading}, if the heap can hold them; a {@link TooLarge} naming
     * {@code where} otherwise, also when the reading runs out of heap. Only the reading is guarded: what it built is
     * unreachable once the error leaves it, so the heap is back for the refusal, and nothing was written yet.
     */
    public <T> T read(String where, long size, Supplier<T> reading) {
        long needed = size * EXPANSION;
        if (needed > available) {
            throw tooLarge(where, size);
        }
        try {
            return reading.get();
        } catch (OutOfMemoryError e) {
            throw tooLarge(where, size);
        }
    }

    /** "is 48.1 MiB; reading it takes about 240.4 MiB of heap, and this JVM can get 180.0 MiB more (of -Xmx 256.0 MiB): …" */
    private TooLarge tooLarge(String where, long size) {
        long needed = size * EXPANSION;
        // what is in use now, plus the reading, with a tenth spare; in steps of 256 MiB
        long wantedMib = (max - available + needed) * 11 / 10 / MIB;
        long suggestMib = Math.max(512, (wantedMib / 256 + 1) * 256);
        return new TooLarge(
                where,
                "is " + mib(size) + " MiB; reading it takes about " + mib(needed) + " MiB of heap, and this JVM can"
                        + " get " + mib(available) + " MiB more (of -Xmx " + mib(max) + " MiB): start java with a"
                        + " larger heap, e.g."
                        + " java -Xmx" + suggestMib + "m -jar komek.jar …");
    }

    private static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / (double) MIB);
    }
}
