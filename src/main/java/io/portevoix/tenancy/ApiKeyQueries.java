package io.portevoix.tenancy;

import java.util.List;
import java.util.Optional;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/** Reads API keys and authenticates requests that present one. */
@PrimaryPort
public interface ApiKeyQueries {

    List<ApiKeySummary> list();

    /** The actor behind a presented secret, if it is a known, unrevoked key. */
    Optional<Actor> authenticate(String secret);
}
