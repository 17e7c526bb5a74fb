package io.portevoix.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The UI speaks French first and English second. The choice is kept in a cookie so that the
 * login page already speaks the user's language.
 */
public final class Locales {

    public static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);
    static final String COOKIE = "pv-locale";

    private Locales() {
    }

    static Locale fromRequest(VaadinRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            return Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName())).findFirst()
                    .map(c -> Locale.of(c.getValue())).filter(l -> SUPPORTED.contains(l)).orElse(Locale.FRENCH);
        }
        return Locale.FRENCH;
    }

    /** Switches the current session (and the next visits) to {@code locale} and reloads the page. */
    public static void switchTo(Locale locale) {
        Locale chosen = SUPPORTED.contains(locale) ? locale : Locale.FRENCH;
        VaadinSession.getCurrent().setLocale(chosen);
        Cookie cookie = new Cookie(COOKIE, chosen.getLanguage());
        cookie.setPath("/");
        cookie.setMaxAge(60 * 60 * 24 * 365);
        cookie.setHttpOnly(true);
        VaadinResponse response = VaadinResponse.getCurrent();
        if (response != null) {
            response.addCookie(cookie);
        }
        UI.getCurrent().getPage().reload();
    }
}
