/**
 * The shell of the web UI: the application shell (theme, push), the main layout with its side
 * navigation built from the views the user may see, the login page, the language switch, error
 * handling and reusable components. It depends on no business module: modules put their views
 * into the layout ({@code @Route(layout = MainLayout.class)}, {@code @Menu}) and their header
 * widgets through {@link io.portevoix.shell.HeaderContribution}.
 */
@NullMarked
@ApplicationModule(displayName = "Shell", type = ApplicationModule.Type.OPEN)
package io.portevoix.shell;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
