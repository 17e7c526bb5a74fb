package io.portevoix.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumberTests {

    @Test
    void everyUsualFrenchFormBecomesE164() {
        for (String form : new String[] {"06 12 34 56 78", "06.12.34.56.78", "0612345678", "+33 6 12 34 56 78",
                "0033612345678", "612345678", " 06-12-34-56-78 ", "+33 (0)6 12 34 56 78"}) {
            assertThat(PhoneNumber.parse(form, "FR")).as(form).map(PhoneNumber::e164).contains("+33612345678");
        }
    }

    @Test
    void foreignNumbersKeepTheirCountry() {
        assertThat(PhoneNumber.parse("+32 470 12 34 56", "FR")).map(PhoneNumber::country).contains("BE");
        assertThat(PhoneNumber.parse("+41 79 123 45 67", "FR")).map(PhoneNumber::e164).contains("+41791234567");
        assertThat(PhoneNumber.parse("0470 12 34 56", "BE")).map(PhoneNumber::e164).contains("+32470123456");
    }

    @Test
    void sharedCallingCodesAreToldApartByTheWholeNumber() {
        assertThat(new PhoneNumber("+33612345678").country()).isEqualTo("FR");
        assertThat(new PhoneNumber("+262692123456").country()).isEqualTo("RE");
        assertThat(new PhoneNumber("+262639012345").country()).isEqualTo("YT");
        assertThat(new PhoneNumber("+590690123456").country()).isEqualTo("GP");
        assertThat(new PhoneNumber("+596696123456").country()).isEqualTo("MQ");
        assertThat(new PhoneNumber("+594694123456").country()).isEqualTo("GF");
        assertThat(new PhoneNumber("+12015550123").country()).isEqualTo("US");
        assertThat(new PhoneNumber("+15062345678").country()).isEqualTo("CA");
        assertThat(new PhoneNumber("+447400123456").country()).isEqualTo("GB");
        assertThat(new PhoneNumber("+352621123456").country()).isEqualTo("LU");
        assertThat(new PhoneNumber("+819012345678").country()).isEqualTo("JP");
    }

    @Test
    void garbageIsNotANumber() {
        for (String bad : new String[] {"", "   ", "abc", "06 12", "+33 6 12 34 56 78 90 12", "=cmd|' /C calc'!A0"}) {
            assertThat(PhoneNumber.parse(bad, "FR")).as(bad).isEmpty();
        }
    }
}
