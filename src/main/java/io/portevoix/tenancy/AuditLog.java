package io.portevoix.tenancy;

import io.portevoix.shared.PageSpec;
import java.util.List;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * The append-only record of who did what. Every module records its sensitive actions here
 * (create, edit, delete, send, validate, export, role changes, keys); account administrators read it.
 */
@PrimaryPort
public interface AuditLog {

    /** Records an action of the current actor in the current account. */
    void record(String action, String target, String details);

    List<AuditEntry> find(AuditFilter filter, PageSpec page);

    int count(AuditFilter filter);

    /** The distinct actions recorded in the current account, for the filter. */
    List<String> actions();
}
