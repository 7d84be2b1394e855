package dev.footnote.ingest;

import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** The text a reader sees in an HTML page: no scripts or styles, blocks separated by blank lines. */
final class HtmlText {
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "header", "footer", "main",
            "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "table", "tr", "blockquote", "pre", "br", "hr",
            "dd", "dt", "figcaption", "aside", "nav", "title");

    private HtmlText() {
    }

    static String visibleText(Document doc) {
        doc.select("script, style, noscript, template, head, svg, iframe, object").remove();
        StringBuilder sb = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    String s = t.text().replaceAll("\\s+", " ");
                    if (sb.length() == 0 || sb.charAt(sb.length() - 1) == '\n' || sb.charAt(sb.length() - 1) == ' ') s = s.stripLeading();
                    sb.append(s);
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    breakLine(sb);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) breakLine(sb);
            }
        }, doc.body());
        return sb.toString().strip();
    }

    private static void breakLine(StringBuilder sb) {
        int n = sb.length();
        while (n > 0 && sb.charAt(n - 1) == ' ') sb.setLength(--n);
        if (n == 0 || n >= 2 && sb.charAt(n - 1) == '\n' && sb.charAt(n - 2) == '\n') return;
        sb.append(sb.charAt(n - 1) == '\n' ? "\n" : "\n\n");
    }
}
