package kz.komek.admin.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import kz.komek.search.KeyboardLayout;
import org.passay.DictionaryRule;
import org.passay.PasswordData;
import org.passay.dictionary.ArrayWordList;
import org.passay.dictionary.WordListDictionary;
import org.passay.dictionary.sort.ArraysSort;

/**
 * The passwords people choose most, which a guesser tries first: {@code accounts/common-passwords.txt} (zxcvbn's
 * list, entries of {@value Password#MIN_LENGTH} characters or more; source and license in its header, why in
 * decision record 0023), matched whole and ignoring case by Passay's {@link DictionaryRule}.
 *
 * <p>The list holds Russian words as they are typed with the Latin layout on ({@code fktrcfylhf} is "александра"), so
 * each entry is also kept as the same keys give it with the Russian and with the Kazakh layout on: a Russian or Kazakh
 * user typing the same keys is refused alike. Loaded on first use, once (about 4,600 words, a few hundred kilobytes of
 * heap), so starting the server or a command that sets no password costs nothing.
 */
final class CommonPasswords {
    private static final String RESOURCE = "/accounts/common-passwords.txt";

    private CommonPasswords() {}

    static boolean contains(String password) {
        return !Loaded.RULE.validate(new PasswordData(password)).isValid();
    }

    /** How many words are matched (the list and its layout forms). */
    static long size() {
        return ((WordListDictionary) Loaded.RULE.getDictionary()).size();
    }

    /** Holds the rule; the class loader loads it, once, when a password is first checked. */
    private static final class Loaded {
        static final DictionaryRule RULE = new DictionaryRule(new WordListDictionary(
                new ArrayWordList(words().toArray(String[]::new), /* caseSensitive= */ false, new ArraysSort())));

        private static Set<String> words() {
            Set<String> words = new LinkedHashSet<>();
            try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the class path");
                }
                var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isEmpty() || line.startsWith("#")) {
                        continue;
                    }
                    String word = line.toLowerCase(Locale.ROOT);
                    words.add(word);
                    words.add(KeyboardLayout.latinToRussian(word));
                    words.add(KeyboardLayout.latinToKazakh(word));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
            return words;
        }
    }
}
