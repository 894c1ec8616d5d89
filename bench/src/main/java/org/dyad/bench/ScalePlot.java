package org.dyad.bench;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Latencies (command, board on screen, a unit's case list, one case's state as of its last event) and projection
 * rate against the number of stored events, side by side, as a PNG.
 */
final class ScalePlot {

    private ScalePlot() {
    }

    @SuppressWarnings("unchecked")
    static void write(Map<String, Object> scale, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<Map<String, Object>> points = (List<Map<String, Object>>) scale.get("points");
        double[] events = points.stream().mapToDouble(p -> ((Number) p.get("storedEvents")).doubleValue()).toArray();
        double[] rate = points.stream().mapToDouble(p -> ScaleMeasure.number(p, "projection", "eventsPerSecond")).toArray();

        XYChart latency = new XYChartBuilder().width(560).height(380).title("Latency (p50)")
                .xAxisTitle("stored events").yAxisTitle("ms").build();
        latency.getStyler().setXAxisLogarithmic(true).setYAxisMin(0.0);
        latency.addSeries("record goals", events, series(points, "commandLatency", "p50Ms"))
                .setMarker(SeriesMarkers.CIRCLE);
        if (points.stream().allMatch(p -> p.containsKey("boardLatency"))) {
            latency.addSeries("command -> board on screen", events,
                    series(points, "boardLatency", "sendToScreen", "p50Ms")).setMarker(SeriesMarkers.SQUARE);
            latency.addSeries("one case's state (auditor)", events,
                    series(points, "auditedCase", "stateAsOfLastEvent", "p50Ms")).setMarker(SeriesMarkers.DIAMOND);
        }
        if (points.stream().allMatch(p -> p.containsKey("unitCaseList"))) {
            latency.addSeries("a unit's case list", events, series(points, "unitCaseList", "p50Ms"))
                    .setMarker(SeriesMarkers.TRIANGLE_UP);
        }

        XYChart projection = new XYChartBuilder().width(560).height(380).title("Projection rate")
                .xAxisTitle("stored events").yAxisTitle("events/s").build();
        projection.getStyler().setXAxisLogarithmic(true).setYAxisMin(0.0);
        projection.addSeries("case views", events, rate).setMarker(SeriesMarkers.CIRCLE);

        BitmapEncoder.saveBitmap(List.of(latency, projection), 1, 2, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        Bench.progress("scale: plot %s", png);
    }

    private static double[] series(List<Map<String, Object>> points, String... path) {
        return points.stream().mapToDouble(p -> ScaleMeasure.number(p, path)).toArray();
    }
}
