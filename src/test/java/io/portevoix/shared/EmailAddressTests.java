package io.portevoix.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmailAddressTests {

    @Test
    void addressesCompareIgnoringCase() {
        assertThat(new EmailAddress(" Marie.Dupont@Club.FR ")).isEqualTo(new EmailAddress("marie.dupont@club.fr"));
        assertThat(new EmailAddress("Marie@Club.FR").domain()).isEqualTo("club.fr");
    }

    @Test
    void malformedAddressesAreRefused() {
        for (String bad : new String[] {"", "marie", "marie@", "@club.fr", "marie@club", "ma rie@club.fr",
                "marie@club..fr", "marie@-club.fr"}) {
            assertThat(EmailAddress.isValid(bad)).as(bad).isFalse();
            assertThatThrownBy(() -> new EmailAddress(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
