package io.portevoix.delivery.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class BounceTagsTests {

    final BounceTags tags = new BounceTags("Bounces@Bounce.Example.org", "0123456789abcdef0123456789abcdef-secret");

    @Test
    void aTaggedAddressNamesItsMessageAndPurpose() {
        String address = tags.address(BounceTags.Purpose.BOUNCE, 42);

        assertThat(address).startsWith("bounces+m42-").endsWith("@bounce.example.org");
        assertThat(address.substring(0, address.indexOf('@'))).hasSizeLessThanOrEqualTo(64);
        assertThat(tags.read(address)).contains(new BounceTags.Tag(BounceTags.Purpose.BOUNCE, 42));
        assertThat(tags.read("<" + address.toUpperCase() + ">")).contains(new BounceTags.Tag(BounceTags.Purpose.BOUNCE, 42));
        assertThat(tags.read(tags.address(BounceTags.Purpose.UNSUBSCRIBE, 42)))
                .contains(new BounceTags.Tag(BounceTags.Purpose.UNSUBSCRIBE, 42));
    }

    @Test
    void aForgedOrMovedTagNamesNothing() {
        String address = tags.address(BounceTags.Purpose.BOUNCE, 42);
        String mac = address.substring(address.indexOf('-') + 1, address.indexOf('@'));

        assertThat(tags.read(address.replace("+m42-", "+m43-"))).isEmpty();
        assertThat(tags.read(address.replace("+m42-", "+u42-"))).isEmpty();
        assertThat(tags.read("bounces+m42-" + "0".repeat(16) + "@bounce.example.org")).isEmpty();
        assertThat(tags.read(address.replace("@bounce.example.org", "@elsewhere.example"))).isEmpty();
        assertThat(new BounceTags("bounces@bounce.example.org", "another-secret-of-at-least-32-characters!")
                .read("bounces+m42-" + mac + "@bounce.example.org")).isEmpty();
    }

    @Test
    void ourMessageIdNamesItsMessageAndRun() {
        UUID run = UUID.randomUUID();

        assertThat(BounceTags.messageRef("<m17." + run + "@news.example.org>")).contains(new BounceTags.MessageRef(17, run));
        assertThat(BounceTags.messageRef("<CAF=abc@mail.gmail.com>")).isEmpty();
    }
}
