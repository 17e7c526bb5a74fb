package io.portevoix.templates.adapter.ui.composer;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.portevoix.templates.MergeTagException;
import io.portevoix.templates.MergeTagProblem;
import java.util.stream.Collectors;

/** How the template screens say what went wrong, in the user's language. */
public final class TemplateMessages {

    private TemplateMessages() {
    }

    public static String describe(MergeTagProblem problem) {
        UI ui = UI.getCurrent();
        String field = ui.getTranslation("templates.field." + problem.field());
        return switch (problem.kind()) {
            case UNKNOWN_TAG -> ui.getTranslation("templates.problem.unknown", "{{ " + problem.tag() + " }}", field,
                    problem.line(), problem.column());
            case SYNTAX_ERROR -> ui.getTranslation("templates.problem.syntax", field, problem.line(), problem.column());
            case FORBIDDEN_TAG -> ui.getTranslation("templates.problem.forbidden", problem.tag(), field, problem.line(),
                    problem.column());
        };
    }

    public static String describe(MergeTagException e) {
        return e.problems().stream().map(TemplateMessages::describe).collect(Collectors.joining(" · "));
    }

    public static void error(String message) {
        Notification notification = Notification.show(message, 8000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    public static void success(String message) {
        Notification notification = Notification.show(message, 3000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
