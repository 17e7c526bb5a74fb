package io.portevoix.audience;

import java.util.List;
import java.util.Optional;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/** Reads imports and previews files before importing them. */
@PrimaryPort
public interface ImportQueries {

    Optional<ImportSummary> find(ImportId id);

    List<ImportSummary> recent();

    /** The headers and first rows of a file, with the guessed mapping; invalid files raise an exception that says why. */
    ImportPreview preview(String fileName, byte[] content);

    /** The fields a column can be mapped to (criteria grammar names), for the wizard. */
    List<String> mappableFields();

    /** The account's saved column mappings, by name. */
    List<MappingPreset> presets();
}
