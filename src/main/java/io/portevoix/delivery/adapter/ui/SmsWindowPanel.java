package io.portevoix.delivery.adapter.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.timepicker.TimePicker;
import io.portevoix.delivery.application.NarrowSmsWindow;
import io.portevoix.delivery.application.SmsSendingWindows;
import io.portevoix.delivery.domain.SendingWindow;
import io.portevoix.shared.InvalidInputException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;

/** The marketing SMS sending window: days and hours inside the legal default, which editors may only narrow. */
final class SmsWindowPanel extends Div {

    private final CheckboxGroup<DayOfWeek> days = new CheckboxGroup<>();
    private final TimePicker starts = new TimePicker();
    private final TimePicker ends = new TimePicker();

    SmsWindowPanel(SmsSendingWindows windows, boolean editor) {
        addClassName("pv-form-panel");
        SendingWindow bounds = SendingWindow.FRANCE;
        days.setLabel(getTranslation("smsWindow.days"));
        days.setItems(List.copyOf(bounds.days()));
        days.setItemLabelGenerator(day -> getTranslation("smsWindow.day." + day.name()));
        days.setId("sms-window-days");
        for (TimePicker picker : List.of(starts, ends)) {
            picker.setStep(Duration.ofMinutes(15));
            picker.setMin(bounds.starts());
            picker.setMax(bounds.ends());
            picker.setWidth("140px");
            picker.setReadOnly(!editor);
        }
        starts.setLabel(getTranslation("smsWindow.starts"));
        starts.setId("sms-window-starts");
        ends.setLabel(getTranslation("smsWindow.ends"));
        ends.setId("sms-window-ends");
        days.setReadOnly(!editor);
        show(windows.window());
        Button save = new Button(getTranslation("action.save"), VaadinIcon.CHECK.create(), e -> save(windows));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-sms-window");
        save.setVisible(editor);
        add(new H3(getTranslation("smsWindow.title")), new Paragraph(getTranslation("smsWindow.text")), days,
                new HorizontalLayout(starts, ends), new Div(save));
    }

    private void show(SendingWindow window) {
        days.setValue(window.days());
        starts.setValue(window.starts());
        ends.setValue(window.ends());
    }

    private void save(SmsSendingWindows windows) {
        List.<HasValidation>of(days, starts, ends).forEach(field -> field.setInvalid(false));
        if (starts.getValue() == null || ends.getValue() == null) {
            TimePicker empty = starts.getValue() == null ? starts : ends;
            invalid(empty, "smsWindow.invalid." + (empty == starts ? "starts" : "ends"));
            return;
        }
        try {
            show(windows.narrow(new NarrowSmsWindow(days.getValue(), starts.getValue(), ends.getValue())));
            Notification.show(getTranslation("smsWindow.saved"), 3000, Notification.Position.BOTTOM_END)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException refused) {
            for (InvalidInputException.FieldError error : refused.errors()) {
                HasValidation field = switch (error.field()) {
                    case "days" -> days;
                    case "starts" -> starts;
                    default -> ends;
                };
                invalid(field, "smsWindow.invalid." + error.field());
            }
        }
    }

    private void invalid(HasValidation field, String key) {
        field.setErrorMessage(getTranslation(key));
        field.setInvalid(true);
    }
}
