package org.dyad.bench;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Command latency and projection rate against the number of stored events, side by side, as a PNG. */
final class ScalePlot {

    private ScalePlot() {
    }

    @SuppressWarnings("unchecked")
    static void write(Map<String, Object> scale, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<Map<String, Object>> points = (List<Map<String, Object>>) scale.get("points");
        double[] events = points.stream().mapToDouble(p -> ((Number) p.get("storedEvents")).doubleValue()).toArray();
        double[] p50 = points.stream().mapToDouble(p -> number(p, "commandLatency", "p50Ms")).toArray();
        double[] p99 = points.stream().mapToDouble(p -> number(p, "commandLatency", "p99Ms")).toArray();
        double[] rate = points.stream().mapToDouble(p -> number(p, "projection", "eventsPerSecond")).toArray();

        XYChart latency = new XYChartBuilder().width(560).height(380).title("Command latency")
                .xAxisTitle("stored events").yAxisTitle("ms").build();
        latency.getStyler().setXAxisLogarithmic(true).setYAxisMin(0.0);
        latency.addSeries("p50", events, p50).setMarker(SeriesMarkers.CIRCLE);
        latency.addSeries("p99", events, p99).setMarker(SeriesMarkers.SQUARE);

        XYChart projection = new XYChartBuilder().width(560).height(380).title("Projection rate")
                .xAxisTitle("stored events").yAxisTitle("events/s").build();
        projection.getStyler().setXAxisLogarithmic(true).setYAxisMin(0.0);
        projection.addSeries("case views", events, rate).setMarker(SeriesMarkers.CIRCLE);

        BitmapEncoder.saveBitmap(List.of(latency, projection), 1, 2, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        Bench.progress("scale: plot %s", png);
    }

    @SuppressWarnings("unchecked")
    private static double number(Map<String, Object> point, String group, String key) {
        return ((Number) ((Map<String, Object>) point.get(group)).get(key)).doubleValue();
    }
}
