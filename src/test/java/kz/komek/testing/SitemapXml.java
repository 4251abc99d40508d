package kz.komek.testing;

import java.io.StringReader;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

/** Reads sitemap XML in tests: the listed locations, a location's lastmod, and validation against the schema. */
public final class SitemapXml {
    private SitemapXml() {}

    /** Validates against the sitemaps.org 0.9 schema in src/test/resources/sitemaps; throws when invalid. */
    public static void validate(String xml, String schema) throws Exception {
        var factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.newSchema(SitemapXml.class.getResource("/sitemaps/" + schema))
                .newValidator()
                .validate(new StreamSource(new StringReader(xml)));
    }

    public static List<String> locs(String xml) {
        return Jsoup.parse(xml, "", Parser.xmlParser()).select("loc").eachText();
    }

    public static String lastmodOf(String xml, String loc) {
        var url = Jsoup.parse(xml, "", Parser.xmlParser()).select("loc").stream()
                .filter(e -> e.text().equals(loc))
                .findFirst()
                .orElseThrow(() -> new AssertionError(loc + " not listed"))
                .parent();
        return url.select("lastmod").text();
    }
}
