package kz.komek.catalog;

/**
 * The public materials of one section under a heading, as {@code tag/materials.jte} hands them to the template of
 * their kind: {@link VideoList} or {@link DocumentList}.
 */
public sealed interface MaterialList permits MaterialList.VideoList, MaterialList.DocumentList {
    String heading();

    /** False where the heading would only repeat a selected tab or the page's h1 (it stays for screen readers). */
    boolean headingShown();

    /** Model of {@code tag/videos.jte}. */
    record VideoList(String heading, boolean headingShown, java.util.List<VideoItem> items) implements MaterialList {
        public VideoList {
            items = java.util.List.copyOf(items);
        }
    }

    /** Model of {@code tag/documents.jte}. */
    record DocumentList(String heading, boolean headingShown, java.util.List<DocumentItem> items)
            implements MaterialList {
        public DocumentList {
            items = java.util.List.copyOf(items);
        }
    }
}
