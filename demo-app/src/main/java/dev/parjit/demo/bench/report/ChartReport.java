package dev.parjit.demo.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** Writes {@code bench-results.png}: grouped bars (one group per workload), log-scale time axis. */
public final class ChartReport {

  private ChartReport() { }

  /** The chart: x = workload ids, one series per runner with at least one measurement, y = median seconds. */
  public static CategoryChart chart(ResultTable t, String title) {
    CategoryChart chart = new CategoryChartBuilder().width(1200).height(650).title(title)
        .xAxisTitle("workload").yAxisTitle("warm median, seconds (log scale)").build();
    Styler.LegendPosition legend = Styler.LegendPosition.OutsideS;
    chart.getStyler().setLegendPosition(legend);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setYAxisDecimalPattern("0.###");
    chart.getStyler().setOverlapped(false);
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    // Bars start at the axis minimum, which must be positive on a log axis: the decade below the fastest.
    double fastest = Double.MAX_VALUE;
    double slowest = 0;
    for (ResultTable.Row r : t.rows()) {
      for (Cell c : r.cells().values()) {
        if (c.measurement() != null && c.measurement().median() > 0) {
          fastest = Math.min(fastest, c.measurement().median() / 1000);
          slowest = Math.max(slowest, c.measurement().median() / 1000);
        }
      }
    }
    if (slowest > 0) {
      chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(fastest))));
      chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(slowest))));
    }
    List<String> workloads = new ArrayList<>();
    for (ResultTable.Row r : t.rows()) {
      workloads.add(r.id());
    }
    for (String runner : t.runners()) {
      List<Double> y = new ArrayList<>();
      boolean any = false;
      for (ResultTable.Row r : t.rows()) {
        Cell c = r.cells().get(runner);
        if (c != null && c.measurement() != null && c.measurement().median() > 0) {
          y.add(c.measurement().median() / 1000);
          any = true;
        } else {
          y.add(null);
        }
      }
      if (any) {
        chart.addSeries(runner, workloads, y);
      }
    }
    return chart;
  }

  /** Writes the chart as a PNG file. */
  public static void write(Path file, ResultTable t, String title) throws IOException {
    BitmapEncoder.saveBitmap(chart(t, title), file.toString(), BitmapEncoder.BitmapFormat.PNG);
  }
}
