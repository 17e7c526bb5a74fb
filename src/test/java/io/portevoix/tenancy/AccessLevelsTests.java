package io.portevoix.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessLevelsTests {

    @Test
    void levelsIncludeTheLowerOnes() {
        assertThat(AccessLevel.APPROVER.includes(AccessLevel.EDITOR)).isTrue();
        assertThat(AccessLevel.EDITOR.includes(AccessLevel.GUEST)).isTrue();
        assertThat(AccessLevel.EDITOR.includes(AccessLevel.APPROVER)).isFalse();
        assertThat(AccessLevel.GUEST.includes(AccessLevel.EDITOR)).isFalse();
        assertThat(AccessLevel.NONE.includes(AccessLevel.GUEST)).isFalse();
    }

    @Test
    void areasNotGivenHaveNoAccess() {
        AccessLevels levels = new AccessLevels(java.util.Map.of(Area.CONTACTS, AccessLevel.EDITOR));
        assertThat(levels.of(Area.CONTACTS)).isEqualTo(AccessLevel.EDITOR);
        assertThat(levels.of(Area.BILLING)).isEqualTo(AccessLevel.NONE);
        assertThat(levels.with(Area.BILLING, AccessLevel.GUEST).allows(Area.BILLING, AccessLevel.GUEST)).isTrue();
    }
}
