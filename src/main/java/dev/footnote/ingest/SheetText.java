package dev.footnote.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Excel workbooks through Apache POI: one paragraph per row (cells joined by " | "), one section per sheet. */
final class SheetText {
    private SheetText() {
    }

    static SourceDocument xlsx(byte[] bytes, String id, String path, String fileName, String hash, long size)
            throws UnreadableDocumentException {
        OfficeText.applyZipLimits();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            DataFormatter format = new DataFormatter();
            StringBuilder sb = new StringBuilder();
            List<Layout.Section> sections = new ArrayList<>();
            for (Sheet sheet : book) {
                int sheetStart = -1;
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (Cell c : row) {
                        String v = value(c, format).strip();
                        if (!v.isEmpty()) cells.add(v.replaceAll("\\s+", " "));
                    }
                    if (cells.isEmpty()) continue;
                    if (sb.length() > 0) sb.append("\n\n");
                    if (sheetStart < 0) {
                        sheetStart = sb.length();
                        sections.add(new Layout.Section(sheetStart, sheet.getSheetName()));
                    }
                    sb.append(String.join(" | ", cells));
                }
            }
            if (sb.toString().isBlank()) throw new UnreadableDocumentException("no text");
            String title = book.getProperties().getCoreProperties().getTitle();
            return new SourceDocument(id, path, DocumentLoader.titleOr(title, fileName), null, sb.toString(), 0, hash, size,
                    new Layout(null, List.of(), sections));
        } catch (IOException | RuntimeException e) {
            throw OfficeText.unreadable("xlsx", e);
        }
    }

    /** A formula cell shows its last computed value, as Excel displays it; nothing is evaluated here. */
    private static String value(Cell c, DataFormatter format) {
        if (c.getCellType() != CellType.FORMULA) return format.formatCellValue(c);
        return switch (c.getCachedFormulaResultType()) {
            case NUMERIC -> format.formatRawCellContents(c.getNumericCellValue(), c.getCellStyle().getDataFormat(),
                    c.getCellStyle().getDataFormatString());
            case STRING -> c.getStringCellValue();
            case BOOLEAN -> Boolean.toString(c.getBooleanCellValue());
            default -> "";
        };
    }
}
