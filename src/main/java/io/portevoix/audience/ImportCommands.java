package io.portevoix.audience;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

/** Imports contacts from files, in the background. */
@PrimaryPort
public interface ImportCommands {

    /** Checks the file can be read and the mapping is valid, stores it and queues its processing. */
    ImportId start(StartImport command);

    /** Processes a queued import (called by the background job, for the import's account). */
    void process(ImportId id);

    /** Saves a column mapping under a name (replacing the one of the same name, ignoring case). */
    MappingPreset savePreset(String name, java.util.Map<String, String> mapping);

    void deletePreset(String name);
}
