package dev.footnote.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Turns a file of a supported type into a {@link SourceDocument} with metadata; refuses what is not text. */
public final class DocumentLoader {
    public static final Set<String> EXTENSIONS = Set.of("txt", "md", "markdown", "html", "htm", "pdf", "docx", "pptx", "xlsx", "odt");
    private static final Pattern DATE_HEADER = Pattern.compile("\\A\\s*date\\s*[:=]?\\s*(\\d{4}-\\d{2}-\\d{2})\\b[ \\t]*");
    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\r?\\n(.*?)\\r?\\n---[ \\t]*(\\r?\\n|\\z)", Pattern.DOTALL);
    private static final Pattern MD_HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");
    private final long maxBytes;

    public DocumentLoader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public static boolean supports(Path file) {
        return EXTENSIONS.contains(extension(file));
    }

    public static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Stable id from the path relative to the seeds folder: safe in a URL, the same on every machine. */
    public static String idFor(String relativePath) {
        String p = relativePath.replace('\\', '/');
        String safe = p.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+", "");
        if (safe.isEmpty()) safe = "doc";
        // 64 bits of the path's hash: two different names that clean up alike do not meet by chance
        if (!safe.equals(p)) safe = safe + "-" + Hashing.sha256(p).substring(0, 16);
        return safe;
    }

    public SourceDocument load(Path file, String relativePath) throws UnreadableDocumentException {
        long size;
        byte[] bytes;
        try {
            size = Files.size(file);
            if (size > maxBytes) throw new UnreadableDocumentException("too large (" + size + " bytes > " + maxBytes + ")");
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UnreadableDocumentException("unreadable: " + e.getMessage());
        }
        if (bytes.length == 0) throw new UnreadableDocumentException("empty file");
        String id = idFor(relativePath);
        String hash = Hashing.sha256(bytes);
        String fileName = file.getFileName().toString();
        return switch (extension(file)) {
            case "pdf" -> PdfText.load(bytes, id, relativePath, fileName, hash, size);
            case "docx" -> OfficeText.docx(bytes, id, relativePath, fileName, hash, size);
            case "pptx" -> OfficeText.pptx(bytes, id, relativePath, fileName, hash, size);
            case "xlsx" -> SheetText.xlsx(bytes, id, relativePath, fileName, hash, size);
            case "odt" -> OdtText.odt(bytes, id, relativePath, fileName, hash, size);
            case "html", "htm" -> html(decode(bytes), id, relativePath, fileName, hash, size);
            case "md", "markdown" -> markdown(decode(bytes), id, relativePath, fileName, hash, size);
            default -> plain(decode(bytes), id, relativePath, fileName, hash, size);
        };
    }

    /** Builds a document from text already in memory (uploads, benchmark corpora). */
    public static SourceDocument fromText(String id, String title, String text) {
        Matcher m = DATE_HEADER.matcher(text);
        String date = m.find() ? m.group(1) : null;
        return new SourceDocument(id, id, title, date, text, date == null ? 0 : m.end(), null, text.length());
    }

    private static String decode(byte[] bytes) throws UnreadableDocumentException {
        int sample = Math.min(bytes.length, 8192);
        int control = 0;
        for (int i = 0; i < sample; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0) throw new UnreadableDocumentException("binary content (NUL byte)");
            if (b < 0x09 || b > 0x0d && b < 0x20 && b != 0x1b) control++;
        }
        if (control > sample / 20) throw new UnreadableDocumentException("binary content");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        if (text.isBlank()) throw new UnreadableDocumentException("no text");
        return text;
    }

    private static SourceDocument plain(String text, String id, String path, String fileName, String hash, long size) {
        Matcher m = DATE_HEADER.matcher(text);
        String date = null;
        int body = 0;
        if (m.find()) {
            date = m.group(1);
            body = m.end();
        }
        return new SourceDocument(id, path, Titles.fromContent(text, body, titleFromName(fileName)), date, text, body, hash, size);
    }

    private static SourceDocument markdown(String text, String id, String path, String fileName, String hash, long size) {
        String title = null;
        String date = null;
        int body = 0;
        Matcher fm = FRONT_MATTER.matcher(text);
        if (fm.find()) {
            body = fm.end();
            for (String line : fm.group(1).split("\n")) {
                int colon = line.indexOf(':');
                if (colon <= 0) continue;
                String k = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String v = line.substring(colon + 1).strip().replaceAll("^[\"']|[\"']$", "");
                if (k.equals("title") && !v.isEmpty()) title = v;
                if (k.equals("date")) {
                    Matcher d = ISO_DATE.matcher(v);
                    if (d.find()) date = d.group(1);
                }
            }
        } else {
            Matcher dh = DATE_HEADER.matcher(text);
            if (dh.find()) {
                date = dh.group(1);
                body = dh.end();
            }
        }
        if (title == null) {
            Matcher h = MD_HEADING.matcher(text);
            if (h.find(body)) title = h.group(1);
        }
        return new SourceDocument(id, path, title == null ? Titles.fromContent(text, body, titleFromName(fileName)) : title,
                date, text, body, hash, size);
    }

    private static SourceDocument html(String raw, String id, String path, String fileName, String hash, long size)
            throws UnreadableDocumentException {
        Document doc = Jsoup.parse(raw);
        String title = doc.title();
        if (title.isBlank()) {
            Element h = doc.selectFirst("h1, h2, h3");
            title = h == null ? null : h.text();
        }
        String date = null;
        for (String sel : new String[] {"meta[name=date]", "meta[property=article:published_time]", "meta[name=dc.date]",
                "meta[name=DC.date]", "meta[itemprop=datePublished]", "time[datetime]"}) {
            Element e = doc.selectFirst(sel);
            if (e == null) continue;
            Matcher d = ISO_DATE.matcher(e.hasAttr("content") ? e.attr("content") : e.attr("datetime"));
            if (d.find()) {
                date = d.group(1);
                break;
            }
        }
        String text = HtmlText.visibleText(doc);
        if (text.isBlank()) throw new UnreadableDocumentException("no visible text");
        return new SourceDocument(id, path, titleOr(title, fileName), date, text, 0, hash, size);
    }

    static String titleFromName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** The title a file names for itself, else its file name without the extension. */
    static String titleOr(String title, String fileName) {
        return title == null || title.isBlank() ? titleFromName(fileName) : title;
    }
}
