package io.portevoix.billing;

import io.portevoix.shared.PageSpec;
import java.util.List;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/** Reads the current account's credits (BILLING at GUEST). */
@PrimaryPort
public interface CreditQueries {

    CreditBalance balance();

    List<CreditEntry> entries(PageSpec page);

    int entryCount();
}
