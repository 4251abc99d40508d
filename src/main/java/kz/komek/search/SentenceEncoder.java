package kz.komek.search;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.io.Reader;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * A sentence-embedding model an operator supplies ({@code --embedding-model DIR}, decision 0031): an ONNX model
 * run by ONNX Runtime, its {@code tokenizer.json} read by the Hugging Face tokenizers (through DJL), the last hidden
 * state averaged over the text's tokens and scaled to length 1, so that a dot product is the cosine.
 *
 * <p>DIR holds {@code model.onnx} (or a single {@code *.onnx}), {@code tokenizer.json} and, optionally,
 * {@value #SETTINGS}: {@code query_prefix} and {@code passage_prefix} (e5 models want {@code query:} and {@code
 * passage:}; a space follows), {@code max_tokens} (default {@value #MAX_TOKENS}) and {@code min_similarity}, the
 * cosine below which a passage is no hit (default {@value #MIN_SIMILARITY}; each model has its own scale), and {@code
 * vector_weight}, what a rank among the nearest counts against the same rank by words (default {@value
 * #VECTOR_WEIGHT}).
 *
 * <p>Thread-safe: ONNX Runtime runs a session from several threads, and the tokenizer holds no state per call.
 */
public final class SentenceEncoder implements AutoCloseable {
    /** The optional settings file in the model's directory. */
    public static final String SETTINGS = "komek-embedding.properties";

    static final int MAX_TOKENS = 128;
    static final double MIN_SIMILARITY = 0.3;
    static final double VECTOR_WEIGHT = 0.5;

    /** The model directory cannot be used: one line for the operator. */
    public static final class Unusable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unusable(Path dir, String why, Throwable cause) {
            super("--embedding-model " + dir + ": " + why, cause);
        }
    }

    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean typeIds;
    private final String output;
    private final int dimensions;
    private final String queryPrefix;
    private final String passagePrefix;
    private final int maxTokens;
    private final double minSimilarity;
    private final double vectorWeight;
    private final String id;

    private SentenceEncoder(Path dir) {
        Path model = model(dir);
        Path tokenizerFile = dir.resolve("tokenizer.json");
        if (!Files.isReadable(tokenizerFile)) {
            throw new Unusable(dir, "no readable tokenizer.json there", null);
        }
        Properties settings = settings(dir);
        try {
            queryPrefix = prefix(settings.getProperty("query_prefix", ""));
            passagePrefix = prefix(settings.getProperty("passage_prefix", ""));
            maxTokens = Integer.parseInt(settings.getProperty("max_tokens", Integer.toString(MAX_TOKENS))
                    .strip());
            minSimilarity = Double.parseDouble(settings.getProperty("min_similarity", Double.toString(MIN_SIMILARITY))
                    .strip());
            vectorWeight = Double.parseDouble(settings.getProperty("vector_weight", Double.toString(VECTOR_WEIGHT))
                    .strip());
        } catch (NumberFormatException e) {
            throw new Unusable(dir, SETTINGS + ": not a number: " + e.getMessage(), e);
        }
        if (maxTokens < 8 || maxTokens > 8192) {
            throw new Unusable(dir, SETTINGS + ": max_tokens must be 8..8192, was " + maxTokens, null);
        }
        try {
            tokenizer = HuggingFaceTokenizer.newInstance(
                    tokenizerFile,
                    Map.of(
                            "addSpecialTokens", "true",
                            "truncation", "true",
                            "padding", "false",
                            "maxLength", Integer.toString(maxTokens)));
        } catch (IOException | RuntimeException e) {
            throw new Unusable(dir, "tokenizer.json cannot be read: " + e.getMessage(), e);
        }
        try {
            env = OrtEnvironment.getEnvironment();
            var options = new OrtSession.SessionOptions();
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // One thread per call, which never spins: searches run side by side and a build encodes batches side by
            // side, so more threads per call only fight for the same (shared) cores.
            options.setIntraOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            session = env.createSession(model.toString(), options);
            Set<String> inputs = session.getInputNames();
            if (!inputs.contains("input_ids") || !inputs.contains("attention_mask")) {
                throw new Unusable(
                        dir, model.getFileName() + " takes " + inputs + ", not input_ids and attention_mask", null);
            }
            typeIds = inputs.contains("token_type_ids");
            output = output(session.getOutputInfo(), dir);
            // the model's width, from one text: many models leave it unnamed in their declared shape
            dimensions = encode(List.of("a"), "")[0].length;
        } catch (OrtException e) {
            tokenizer.close();
            throw new Unusable(dir, model.getFileName() + " cannot be loaded: " + firstLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e;
        }
        id = model.getFileName() + ":" + size(model) + ":" + size(tokenizerFile) + ":" + dimensions + ":" + maxTokens
                + ":" + passagePrefix;
    }

    /** Loads the model in {@code dir}, or says in one line why it cannot. */
    public static SentenceEncoder load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new Unusable(dir, "not a directory", null);
        }
        return new SentenceEncoder(dir);
    }

    /** The vector of a reader's query. */
    public float[] query(String text) {
        return encode(List.of(text), queryPrefix)[0];
    }

    /** The vectors of passages (indexed texts), in their order. */
    public float[][] passages(List<String> texts) {
        return encode(texts, passagePrefix);
    }

    public int dimensions() {
        return dimensions;
    }

    /** How much a rank among the nearest counts in the fusion against the same rank by words (1). */
    public double vectorWeight() {
        return vectorWeight;
    }

    /** The cosine below which a passage does not answer a query. */
    public double minSimilarity() {
        return minSimilarity;
    }

    /** What decides the indexed vectors: another model or setting needs another index. */
    String id() {
        return id;
    }

    private float[][] encode(List<String> texts, String prefix) {
        if (texts.isEmpty()) {
            return new float[0][];
        }
        Encoding[] encodings = new Encoding[texts.size()];
        int length = 1;
        for (int i = 0; i < encodings.length; i++) {
            encodings[i] = tokenizer.encode(prefix + texts.get(i));
            length = Math.max(length, encodings[i].getIds().length);
        }
        // padded to the longest text of the batch; the mask leaves the padding out of the model and the mean
        int n = encodings.length;
        long[] ids = new long[n * length];
        long[] mask = new long[n * length];
        for (int i = 0; i < n; i++) {
            long[] e = encodings[i].getIds();
            long[] m = encodings[i].getAttentionMask();
            System.arraycopy(e, 0, ids, i * length, e.length);
            System.arraycopy(m, 0, mask, i * length, m.length);
        }
        long[] shape = {n, length};
        var inputs = new HashMap<String, OnnxTensor>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
            if (typeIds) {
                inputs.put(
                        "token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(new long[n * length]), shape));
            }
            try (OrtSession.Result result = session.run(inputs, Set.of(output))) {
                OnnxTensor out = (OnnxTensor) result.get(0);
                long[] outShape = out.getInfo().getShape();
                FloatBuffer values = out.getFloatBuffer();
                return outShape.length == 3 ? meanPooled(values, outShape, mask) : pooled(values, outShape);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("the embedding model failed: " + firstLine(e.getMessage()), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** The mean of each text's token vectors (batch × tokens × width), its padding left out, of length 1. */
    private static float[][] meanPooled(FloatBuffer values, long[] shape, long[] mask) {
        int n = (int) shape[0];
        int tokens = (int) shape[1];
        int width = (int) shape[2];
        float[][] vectors = new float[n][width];
        for (int i = 0; i < n; i++) {
            float[] v = vectors[i];
            for (int t = 0; t < tokens; t++) {
                if (mask[i * tokens + t] == 0) {
                    continue;
                }
                int at = (i * tokens + t) * width;
                for (int d = 0; d < width; d++) {
                    v[d] += values.get(at + d);
                }
            }
            normalize(v); // the mean's length is 1 after scaling, whatever the count it was divided by
        }
        return vectors;
    }

    /** A model that pools itself (batch × width). */
    private static float[][] pooled(FloatBuffer values, long[] shape) {
        int n = (int) shape[0];
        int width = (int) shape[1];
        float[][] vectors = new float[n][width];
        for (int i = 0; i < n; i++) {
            values.get(vectors[i]);
            normalize(vectors[i]);
        }
        return vectors;
    }

    static void normalize(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        float scale = sum == 0 ? 0 : (float) (1 / Math.sqrt(sum));
        for (int d = 0; d < v.length; d++) {
            v[d] *= scale;
        }
    }

    /** The token vectors (last_hidden_state, token_embeddings) or else the first float output. */
    private static String output(Map<String, NodeInfo> outputs, Path dir) {
        var usable = new ArrayList<String>();
        for (var e : outputs.entrySet()) {
            if (e.getValue().getInfo() instanceof TensorInfo t
                    && (t.getShape().length == 3 || t.getShape().length == 2)) {
                usable.add(e.getKey());
            }
        }
        for (String preferred : List.of("last_hidden_state", "token_embeddings", "sentence_embedding")) {
            if (usable.contains(preferred)) {
                return preferred;
            }
        }
        if (usable.isEmpty()) {
            throw new Unusable(dir, "the model has no output of token or sentence vectors: " + outputs.keySet(), null);
        }
        return usable.get(0);
    }

    private static Path model(Path dir) {
        Path model = dir.resolve("model.onnx");
        if (Files.isReadable(model)) {
            return model;
        }
        try (var files = Files.list(dir)) {
            List<Path> onnx = files.filter(f -> f.getFileName().toString().endsWith(".onnx"))
                    .toList();
            if (onnx.size() != 1) {
                throw new Unusable(
                        dir, onnx.isEmpty() ? "no model.onnx there" : "several .onnx files and no model.onnx", null);
            }
            return onnx.get(0);
        } catch (IOException e) {
            throw new Unusable(dir, "cannot list it: " + e.getMessage(), e);
        }
    }

    private static Properties settings(Path dir) {
        var p = new Properties();
        Path file = dir.resolve(SETTINGS);
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException e) {
                throw new Unusable(dir, SETTINGS + " cannot be read: " + e.getMessage(), e);
            }
        }
        return p;
    }

    /** A prefix is followed by one space ("query: text"): a file's trailing spaces do not survive editors. */
    private static String prefix(String value) {
        String p = value.strip();
        return p.isEmpty() ? "" : p + " ";
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        } finally {
            tokenizer.close();
        }
    }
}
