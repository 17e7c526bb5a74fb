package io.portevoix.audience;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Imports a CSV (UTF-8 with or without BOM, or Windows-1252; {@code ,} or {@code ;}) or XLSX file.
 *
 * @param mapping column header → field of the criteria grammar ({@code email},
 *     {@code subscription.endDate}, {@code consent.EMAIL.MARKETING}, {@code attributes.<key>}); columns
 *     absent from it are guessed from their header (field names and usual French and English labels)
 * @param listName the name of the static list the import becomes
 * @param defaultConsents consents given to the contacts the import <em>creates</em> when the file says
 *     nothing of them (never applied to existing contacts, whose consents only the file may change)
 * @param consentSource where those consents come from: the import itself or a (paper) form
 */
public record StartImport(String fileName, byte[] content, boolean updateExisting, Map<String, String> mapping,
        String listName, Map<Channel, Map<BroadcastType, Boolean>> defaultConsents, ConsentSource consentSource) {

    public static final int MAX_BYTES = 200 * 1024 * 1024;

    public StartImport {
        Objects.requireNonNull(content, "content");
        fileName = fileName == null || fileName.isBlank() ? "import.csv" : fileName.strip();
        mapping = Map.copyOf(mapping);
        defaultConsents = defaultConsents.isEmpty() ? Map.of() : new EnumMap<>(defaultConsents);
        Objects.requireNonNull(consentSource, "consent source");
        if (consentSource != ConsentSource.IMPORT && consentSource != ConsentSource.FORM) {
            throw new IllegalArgumentException("The consent source of an import is IMPORT or FORM");
        }
        listName = listName == null || listName.isBlank() ? fileName : listName.strip();
        if (content.length == 0) {
            throw new IllegalArgumentException("The file is empty");
        }
        if (content.length > MAX_BYTES) {
            throw new IllegalArgumentException("The file is larger than 200 MB");
        }
    }

    /** An import that gives no consent of its own to the contacts it creates. */
    public StartImport(String fileName, byte[] content, boolean updateExisting, Map<String, String> mapping,
            String listName) {
        this(fileName, content, updateExisting, mapping, listName, Map.of(), ConsentSource.IMPORT);
    }
}
