package io.portevoix.audience.application.port;

import io.portevoix.audience.AttributeDefinition;
import io.portevoix.shared.AccountId;
import java.time.Instant;
import java.util.List;

/** The stored custom attribute definitions of each account. */
public interface AttributeDefinitions {

    List<AttributeDefinition> list(AccountId account);

    void save(AccountId account, AttributeDefinition definition, Instant now);

    boolean delete(AccountId account, String key);
}
