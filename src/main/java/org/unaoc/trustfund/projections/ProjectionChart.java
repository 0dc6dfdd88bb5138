package org.unaoc.trustfund.projections;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The projected cash against the operating reserve, month by month, as an SVG drawn on the server
 * (no script, readable by screen readers through its title, description and the table beside it).
 */
final class ProjectionChart {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 300;
    private static final int LEFT = 90;
    private static final int RIGHT = 40;
    private static final int TOP = 20;
    private static final int BOTTOM = 50;

    private ProjectionChart() {
    }

    static String svg(Projections.Result result) {
        List<Projection.Month> months = result.months();
        if (months.isEmpty()) {
            return "";
        }
        double max = 0;
        double min = 0;
        for (Projection.Month m : months) {
            for (BigDecimal v : List.of(m.closing(), m.closingWithPledges(), m.reserve())) {
                max = Math.max(max, v.doubleValue());
                min = Math.min(min, v.doubleValue());
            }
        }
        if (max == min) {
            max = min + 1;
        }
        double low = min;
        double span = max - min;
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        Function<Integer, Double> x = i -> LEFT + (months.size() == 1 ? plotWidth / 2.0 : i * (double) plotWidth / (months.size() - 1));
        Function<BigDecimal, Double> y = v -> TOP + plotHeight - (v.doubleValue() - low) / span * plotHeight;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"100%\" role=\"img\" aria-labelledby=\"chart-title chart-desc\">")
                .append("<title id=\"chart-title\">Projected cash against the operating reserve, ").append(months.getFirst().month())
                .append(" to ").append(months.getLast().month()).append(", USD</title>")
                .append("<desc id=\"chart-desc\">Closing cash ").append(format(months.getLast().closing()))
                .append(" USD in ").append(months.getLast().month()).append(" against a reserve of ")
                .append(format(months.getLast().reserve())).append(" USD; the table below gives every month.</desc>");
        for (int i = 0; i <= 4; i++) {
            double value = low + span * i / 4;
            double gy = TOP + plotHeight - plotHeight * i / 4.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#c8c8c8\"/>", LEFT,
                    WIDTH - RIGHT, gy, gy));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" fill=\"#1b1b1b\">%s</text>",
                    LEFT - 6, gy + 4, format(BigDecimal.valueOf(value).setScale(0, java.math.RoundingMode.HALF_UP))));
        }
        int step = Math.max(1, months.size() / 8);
        for (int i = 0; i < months.size(); i += step) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" fill=\"#1b1b1b\">%s</text>",
                    x.apply(i), HEIGHT - BOTTOM + 16, months.get(i).month()));
        }
        line(svg, months, x, y, Projection.Month::closing, "#0b3d6b", "");
        line(svg, months, x, y, Projection.Month::closingWithPledges, "#1d6b2f", "6 4");
        line(svg, months, x, y, Projection.Month::reserve, "#a30d0d", "2 3");
        legend(svg, 0, "#0b3d6b", "", "Cash (secured receipts)");
        legend(svg, 1, "#1d6b2f", "6 4", "Cash with announced pledges");
        legend(svg, 2, "#a30d0d", "2 3", "Operating reserve");
        return svg.append("</svg>").toString();
    }

    private static void line(StringBuilder svg, List<Projection.Month> months, Function<Integer, Double> x,
                             Function<BigDecimal, Double> y, Function<Projection.Month, BigDecimal> value, String colour,
                             String dash) {
        svg.append("<polyline fill=\"none\" stroke-width=\"2.5\" stroke=\"").append(colour).append('"');
        if (!dash.isEmpty()) {
            svg.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        svg.append(" points=\"");
        for (int i = 0; i < months.size(); i++) {
            svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.apply(i), y.apply(value.apply(months.get(i)))));
        }
        svg.append("\"/>");
    }

    private static void legend(StringBuilder svg, int index, String colour, String dash, String label) {
        int lx = LEFT + index * 220;
        int ly = HEIGHT - 12;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2.5\"%s/>",
                lx, lx + 30, ly - 4, ly - 4, colour, dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\""));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"#1b1b1b\">%s</text>", lx + 36, ly, label));
    }

    private static String format(BigDecimal value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }
}
