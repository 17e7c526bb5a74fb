package io.portevoix.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stacked bar chart drawn in the browser by Chart.js (bundled from npm, nothing loaded from the
 * web). Give it labels and series of the same length; calling {@link #setData} again redraws it
 * in place, so live figures do not flicker.
 */
@Tag("pv-bar-chart")
@NpmPackage(value = "chart.js", version = "4.5.1")
@JsModule("./pv-chart.js")
public final class BarChart extends Component implements HasSize {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One stack of bars: its legend, its colour (CSS) and one value per label. */
    public record Series(String name, String color, List<Long> values) {

        public Series {
            values = List.copyOf(values);
        }
    }

    public BarChart() {
        setWidthFull();
        setHeight("220px");
    }

    public void setData(List<String> labels, List<Series> series) {
        for (Series s : series) {
            if (s.values().size() != labels.size()) {
                throw new IllegalArgumentException("Series " + s.name() + " has " + s.values().size() + " values for "
                        + labels.size() + " labels");
            }
        }
        getElement().callJsFunction("setData", JSON.writeValueAsString(Map.of("labels", labels, "series", series)));
    }
}
