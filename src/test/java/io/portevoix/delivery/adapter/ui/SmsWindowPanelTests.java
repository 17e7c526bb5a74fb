package io.portevoix.delivery.adapter.ui;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.timepicker.TimePicker;
import io.portevoix.audience.BroadcastType;
import io.portevoix.delivery.application.NarrowSmsWindow;
import io.portevoix.delivery.application.SmsSendingWindows;
import io.portevoix.delivery.domain.SendingWindow;
import io.portevoix.shared.AccountId;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The sending window panel without a browser: the default shown, refusals on their fields, a narrowing saved. */
class SmsWindowPanelTests extends BrowserlessTest {

    /** Keeps the window in memory and narrows it with the real domain rule. */
    static final class OneWindow implements SmsSendingWindows {
        SendingWindow window = SendingWindow.FRANCE;

        @Override
        public Instant nextSlot(AccountId account, String e164, BroadcastType type, Instant now) {
            return now;
        }

        @Override
        public SendingWindow window() {
            return window;
        }

        @Override
        public SendingWindow narrow(NarrowSmsWindow command) {
            window = SendingWindow.FRANCE.narrowedTo(command.days(), command.starts(), command.ends());
            return window;
        }
    }

    final OneWindow windows = new OneWindow();
    SmsWindowPanel panel;

    /** The panel alone, without the application's routes (their layout needs Spring). */
    @Override
    protected Set<String> scanPackages() {
        return Set.of(SmsWindowPanelTests.class.getPackageName() + ".none");
    }

    void show(boolean editor) {
        panel = new SmsWindowPanel(windows, editor);
        UI.getCurrent().add(panel);
    }

    @SuppressWarnings("unchecked")
    CheckboxGroup<DayOfWeek> days() {
        return find(CheckboxGroup.class, panel).id("sms-window-days");
    }

    TimePicker picker(String id) {
        return find(TimePicker.class, panel).id(id);
    }

    Button save() {
        return find(Button.class, panel).id("save-sms-window");
    }

    @Test
    void editorsNarrowTheWindowAndSeeRefusalsOnTheFields() {
        show(true);
        assertThat(days().getValue()).isEqualTo(SendingWindow.FRANCE.days());
        assertThat(picker("sms-window-starts").getValue()).isEqualTo(LocalTime.of(8, 0));
        assertThat(picker("sms-window-ends").getValue()).isEqualTo(LocalTime.of(20, 0));

        days().setValue(Set.of(MONDAY, TUESDAY));
        picker("sms-window-starts").setValue(LocalTime.of(10, 0));
        picker("sms-window-ends").setValue(LocalTime.of(9, 0));
        test(save()).click();
        assertThat(picker("sms-window-ends").isInvalid()).isTrue();
        assertThat(picker("sms-window-ends").getErrorMessage()).isNotBlank().doesNotStartWith("!");
        assertThat(windows.window).as("nothing saved").isEqualTo(SendingWindow.FRANCE);

        days().setValue(Set.of());
        picker("sms-window-ends").setValue(LocalTime.of(18, 0));
        test(save()).click();
        assertThat(days().isInvalid()).isTrue();
        assertThat(picker("sms-window-ends").isInvalid()).isFalse();

        days().setValue(Set.of(MONDAY, TUESDAY));
        test(save()).click();
        assertThat(days().isInvalid()).isFalse();
        assertThat(windows.window).isEqualTo(new SendingWindow(Set.of(MONDAY, TUESDAY), LocalTime.of(10, 0), LocalTime.of(18, 0)));
    }

    @Test
    void guestsOnlyRead() {
        show(false);
        assertThat(find(Button.class, panel).all()).as("no visible save button").isEmpty();
        assertThat(days().isReadOnly()).isTrue();
        assertThat(picker("sms-window-starts").isReadOnly()).isTrue();
    }
}
