package io.portevoix.tracking.adapter.jdbc;

import io.portevoix.tracking.application.port.Secrets;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcSecrets implements Secrets {

    private final JdbcClient jdbc;

    JdbcSecrets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public String installationSecret() {
        byte[] random = new byte[48];
        new SecureRandom().nextBytes(random);
        jdbc.sql("insert into tracking.installation_secret (id, secret) values (1, ?) on conflict (id) do nothing")
                .param(Base64.getEncoder().encodeToString(random)).update();
        return jdbc.sql("select secret from tracking.installation_secret where id = 1").query(String.class).single();
    }
}
