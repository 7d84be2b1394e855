package dev.footnote.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * OpenDocument text (.odt) with the JDK alone: {@code content.xml}'s paragraphs and headings ({@code text:h}, which
 * become sections), the title from {@code meta.xml}. Parts are inflated under the same zip-bomb limits as Office files.
 */
final class OdtText {
    private static final String TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private static final String DC_NS = "http://purl.org/dc/elements/1.1/";

    private OdtText() {
    }

    static SourceDocument odt(byte[] bytes, String id, String path, String fileName, String hash, long size)
            throws UnreadableDocumentException {
        byte[] content = null;
        byte[] meta = null;
        long limit = Math.min(OfficeText.MAX_ENTRY_BYTES, (long) OfficeText.MAX_INFLATE_RATIO * bytes.length);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            boolean anyEntry = false;
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                anyEntry = true;
                if (e.getName().equals("content.xml")) content = read(zip, limit);
                else if (e.getName().equals("meta.xml")) meta = read(zip, limit);
            }
            if (!anyEntry || content == null) throw new UnreadableDocumentException("not a .odt file (no OpenDocument content in a zip archive)");
            Paragraphs out = new Paragraphs();
            walk(parse(content).getDocumentElement(), out);
            String title = meta == null ? null : text(parse(meta), DC_NS, "title");
            if (title == null || title.isBlank()) title = out.styledTitle;
            if ((title == null || title.isBlank()) && !out.sections.isEmpty()) title = out.sections.get(0).title();
            if (out.sb.toString().isBlank()) throw new UnreadableDocumentException("no text");
            return new SourceDocument(id, path, DocumentLoader.titleOr(title, fileName), null, out.sb.toString(), 0, hash, size,
                    new Layout(null, java.util.List.of(), out.sections));
        } catch (UnreadableDocumentException e) {
            throw e;
        } catch (Exception e) {
            throw new UnreadableDocumentException("corrupt .odt file: " + e.getMessage());
        }
    }

    /** Inflates one part, refusing it past {@code limit} bytes: a small archive that inflates that far is a zip bomb. */
    private static byte[] read(InputStream in, long limit) throws IOException, UnreadableDocumentException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        for (int n; (n = in.read(buf)) > 0; ) {
            out.write(buf, 0, n);
            if (out.size() > limit) throw OfficeText.zipBomb("odt");
        }
        return out.toByteArray();
    }

    /** A parser that reads no DTDs and no external entities: the XML comes from an untrusted file. */
    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String text(Document d, String ns, String local) {
        var nodes = d.getElementsByTagNameNS(ns, local);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }

    private static void walk(Element e, Paragraphs out) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element c)) continue;
            boolean heading = TEXT_NS.equals(c.getNamespaceURI()) && "h".equals(c.getLocalName());
            boolean paragraph = TEXT_NS.equals(c.getNamespaceURI()) && "p".equals(c.getLocalName());
            if (!heading && !paragraph) {
                walk(c, out);
                continue;
            }
            StringBuilder sb = new StringBuilder();
            inline(c, sb);
            int at = out.add(sb.toString());
            if (at < 0) continue;
            String style = c.getAttributeNS(TEXT_NS, "style-name");
            if (heading) out.sections.add(new Layout.Section(at, sb.toString()));
            else if (style.equalsIgnoreCase("Title") && out.styledTitle == null) out.styledTitle = sb.toString().strip();
        }
    }

    /** A paragraph's text: spans and links as text, {@code text:s} as spaces, tabs and line breaks as such; notes left out. */
    private static void inline(Node e, StringBuilder sb) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE) {
                sb.append(n.getNodeValue());
            } else if (n instanceof Element c && TEXT_NS.equals(c.getNamespaceURI())) {
                switch (c.getLocalName()) {
                    case "s" -> sb.append(" ".repeat(Math.max(1, parseCount(c.getAttributeNS(TEXT_NS, "c")))));
                    case "tab" -> sb.append('\t');
                    case "line-break" -> sb.append('\n');
                    case "note", "annotation" -> { }
                    default -> inline(c, sb);
                }
            } else if (n instanceof Element c) {
                inline(c, sb);
            }
        }
    }

    private static int parseCount(String s) {
        try {
            return s.isEmpty() ? 1 : Math.min(1000, Integer.parseInt(s));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Paragraphs joined by blank lines, so each one ends a sentence. */
    private static final class Paragraphs {
        final StringBuilder sb = new StringBuilder();
        final java.util.List<Layout.Section> sections = new java.util.ArrayList<>();
        String styledTitle;

        int add(String paragraph) {
            String p = paragraph.strip();
            if (p.isEmpty()) return -1;
            if (sb.length() > 0) sb.append("\n\n");
            int at = sb.length();
            sb.append(p);
            return at;
        }
    }
}
