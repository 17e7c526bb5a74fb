package io.portevoix.tracking.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portevoix.tracking.Hit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The machine rules as shipped (user agents and Apple's networks), and the matching of networks. */
class MachineRulesTests {

    static final String BROWSER = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) "
            + "Version/17.5 Safari/605.1.15";
    static final MachineRules RULES = MachineRules.DEFAULT;

    @Test
    void anOrdinaryBrowserIsNeverAMachine() {
        assertThat(RULES.machine(new Hit("GET", BROWSER, "203.0.113.9"), true)).isFalse();
        assertThat(RULES.machine(new Hit("GET", BROWSER, "2001:db8::1"), false)).isFalse();
        assertThat(RULES.machine(new Hit("GET", BROWSER, ""), false)).isFalse();
    }

    @Test
    void headRequestsMissingUserAgentsAndListedScannersAreMachines() {
        assertThat(RULES.machine(new Hit("HEAD", BROWSER, "203.0.113.9"), false)).isTrue();
        assertThat(RULES.machine(new Hit("GET", "", "203.0.113.9"), false)).isTrue();
        for (String scanner : List.of("Mozilla/5.0 (compatible; BingPreview/1.0b)", "Proofpoint URL Defense",
                "Mimecast-Url-Protect/1.0", "Barracuda Sentinel (EE)", "Mozilla/5.0 (compatible; Google-Safety; +http://www.google.com/bot.html)",
                "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)")) {
            assertThat(RULES.machine(new Hit("GET", scanner, "203.0.113.9"), false)).as(scanner).isTrue();
        }
    }

    @Test
    void applePrivacyProtectionOpensAreMachinesButClicksThroughPrivateRelayAreNot() {
        assertThat(RULES.machine(new Hit("GET", "Mozilla/5.0", "203.0.113.9"), true)).as("the proxy's bare user agent").isTrue();
        for (String apple : List.of("17.58.63.1", "17.0.0.0", "17.255.255.255", "2620:149:a44::12", "[2403:300:a08:f000::1]",
                "::ffff:17.253.1.2")) {
            assertThat(RULES.machine(new Hit("GET", BROWSER, apple), true)).as(apple).isTrue();
            assertThat(RULES.machine(new Hit("GET", BROWSER, apple), false)).as("a click from " + apple).isFalse();
        }
        for (String other : List.of("16.255.255.255", "18.0.0.1", "2620:14a::1", "2001:db8::17", "not-an-address", "")) {
            assertThat(RULES.machine(new Hit("GET", BROWSER, other), true)).as(other).isFalse();
        }
    }

    @Test
    void networksMatchOnTheirPrefixOnlyInBothFamilies() {
        AddressRanges ranges = new AddressRanges(List.of("192.0.2.128/25", "198.51.100.7", "2001:db8:abcd:12::/64", "::/0"));
        assertThat(ranges.contains("192.0.2.128")).isTrue();
        assertThat(ranges.contains("192.0.2.255")).isTrue();
        assertThat(ranges.contains("192.0.2.127")).isFalse();
        assertThat(ranges.contains("198.51.100.7")).isTrue();
        assertThat(ranges.contains("198.51.100.8")).isFalse();
        assertThat(ranges.contains("2001:db8:abcd:12:ffff::1")).as("::/0 holds every IPv6 address").isTrue();
        AddressRanges v6 = new AddressRanges(List.of("2001:db8:abcd:12::/64", "2001:db8::/127"));
        assertThat(v6.contains("2001:db8:abcd:12:ffff:ffff:ffff:ffff")).isTrue();
        assertThat(v6.contains("2001:db8:abcd:13::")).isFalse();
        assertThat(v6.contains("2001:db8::1")).isTrue();
        assertThat(v6.contains("2001:db8::2")).isFalse();
        assertThat(v6.contains("192.0.2.130")).as("an IPv4 address is not in IPv6 networks").isFalse();
        assertThatThrownBy(() -> new AddressRanges(List.of("192.0.2.0/33"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AddressRanges(List.of("apple.com"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aListAsLargeAsApplesAnswersInMicroseconds() {
        List<String> cidrs = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            cidrs.add("100." + (64 + i / 65_536 % 64) + "." + (i / 256 % 256) + "." + (i % 256) + "/32");
            cidrs.add("2a02:26f7:" + Integer.toHexString(i) + "::/48");
        }
        AddressRanges ranges = new AddressRanges(cidrs);
        assertThat(ranges.size()).isEqualTo(120_000);
        long start = System.nanoTime();
        int found = 0;
        for (int i = 0; i < 100_000; i++) {
            if (ranges.contains("2a02:26f7:" + Integer.toHexString(i % 70_000) + ":1::1")) {
                found++;
            }
        }
        long micros = (System.nanoTime() - start) / 1_000 / 100_000;
        assertThat(found).as("keys 0..59,999 are listed, 60,000..69,999 not").isEqualTo(90_000);
        assertThat(micros).as("µs per look-up").isLessThan(50);
    }

    @Test
    void theShippedAppleListParses() {
        List<String> lines = MachineRules.lines("/tracking/apple-privacy-ranges.txt");
        assertThat(lines).contains("17.0.0.0/8");
        assertThat(new AddressRanges(lines).size()).isEqualTo(lines.size());
    }
}
