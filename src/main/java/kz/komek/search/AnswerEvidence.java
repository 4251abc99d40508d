package kz.komek.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.komek.i18n.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * How well the best questions of a search answer a message, measured so that a model can turn it into a confidence
 * (decision 0045). The search ranks; this looks at what a ranking cannot say: whether the question's own words are
 * in the message, and how far ahead of the next one it is.
 */
public final class AnswerEvidence {
    /** Questions looked at: the chat shows three; two more let the third's lead over the next be measured. */
    static final int DEPTH = 5;

    private final SearchService search;
    private final SearchIndex index;
    private final Map<Locale, Analyzer> languages = new java.util.EnumMap<>(Locale.class);

    public AnswerEvidence(SearchService search, SearchIndex index) {
        this.search = search;
        this.index = index;
        for (Locale l : Locale.values()) {
            languages.put(l, Analyzers.forLocale(l));
        }
    }

    /**
     * One question found for a message.
     *
     * @param rank its place in the search, from 0
     * @param share its score over the best one's (1 for the best)
     * @param lead how far its score is ahead of the next question's, over its own (1 when none follows)
     * @param titleRecall the share of its title's words that the message has
     * @param inTitle the share of the message's words that its title or an editor's phrasing has
     * @param inText the share of the message's words that anything of it has (title, phrasings, answer)
     * @param words how many distinct words the message has, as the question's language cuts them
     * @param rewritten the message was read another way (keyboard layout, Latin letters)
     */
    public record Candidate(
            SearchResults.Hit hit,
            int rank,
            double share,
            double lead,
            double titleRecall,
            double inTitle,
            double inText,
            int words,
            boolean rewritten) {}

    /** The best questions for a search's query, with their evidence; materials are passed over. */
    public List<Candidate> find(SearchRequest request) {
        var results = search.search(
                new SearchRequest(request.query(), request.site(), request.locale(), DEPTH * 2, request.now(), false));
        var hits = results.hits().stream()
                .filter(SearchResults.Hit::question)
                .limit(DEPTH)
                .toList();
        if (hits.isEmpty()) {
            return List.of();
        }
        String reading = results.understoodAs().orElse(request.query());
        boolean rewritten = results.understoodAs().isPresent();
        double best = Math.max(hits.get(0).score(), 1e-6);
        var out = new ArrayList<Candidate>(hits.size());
        IndexSearcher searcher = index.acquire();
        try {
            for (int i = 0; i < hits.size(); i++) {
                var hit = hits.get(i);
                Analyzer language = languages.get(hit.locale());
                Set<String> message = stems(language, reading);
                Set<String> title = stems(language, hit.title());
                Set<String> named = new HashSet<>(title);
                Set<String> text = new HashSet<>(title);
                Document doc = stored(searcher, hit);
                if (doc != null) {
                    String phrasings = doc.get(SearchIndex.phrasings(hit.locale()));
                    if (phrasings != null) {
                        named.addAll(stems(language, phrasings));
                    }
                    text.addAll(named);
                    String body = doc.get(SearchIndex.body(hit.locale()));
                    if (body != null) {
                        text.addAll(stems(language, body));
                    }
                }
                double score = hit.score();
                double next = i + 1 < hits.size() ? hits.get(i + 1).score() : 0;
                out.add(new Candidate(
                        hit,
                        i,
                        Math.min(1, score / best),
                        score <= 0 ? 0 : Math.max(0, Math.min(1, (score - next) / score)),
                        share(title, message),
                        share(message, named),
                        share(message, text),
                        message.size(),
                        rewritten));
            }
        } finally {
            index.release(searcher);
        }
        return out;
    }

    /** The share of {@code words} found in {@code in}, a word one typing slip away counting as found. */
    static double share(Set<String> words, Set<String> in) {
        if (words.isEmpty()) {
            return 0;
        }
        int found = 0;
        for (String w : words) {
            if (in.contains(w) || (w.length() >= 5 && in.stream().anyMatch(o -> oneSlip(w, o)))) {
                found++;
            }
        }
        return (double) found / words.size();
    }

    /** Whether two words differ by at most one letter added, dropped, changed or swapped with its neighbour. */
    static boolean oneSlip(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1 || a.equals(b)) {
            return a.equals(b);
        }
        int i = 0;
        while (i < Math.min(la, lb) && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (la == lb) {
            if (a.regionMatches(i + 1, b, i + 1, la - i - 1)) {
                return true; // one changed
            }
            return i + 1 < la
                    && a.charAt(i) == b.charAt(i + 1)
                    && a.charAt(i + 1) == b.charAt(i)
                    && a.regionMatches(i + 2, b, i + 2, la - i - 2);
        }
        return la > lb ? a.regionMatches(i + 1, b, i, lb - i) : b.regionMatches(i + 1, a, i, la - i);
    }

    private static Document stored(IndexSearcher searcher, SearchResults.Hit hit) {
        try {
            TopDocs top = searcher.search(
                    new TermQuery(new Term(
                            SearchIndex.KEY, hit.id() + ":" + hit.locale().code())),
                    1);
            return top.scoreDocs.length == 0 ? null : searcher.storedFields().document(top.scoreDocs[0].doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The distinct stems of a text, as its language's analyzer cuts them (stop words out). */
    private static Set<String> stems(Analyzer analyzer, String text) {
        var out = new HashSet<String>();
        try (TokenStream ts = analyzer.tokenStream("evidence", text)) {
            var term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (term.length() > 1) {
                    out.add(term.toString());
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
