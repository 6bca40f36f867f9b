package dev.nabla.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryTest {
    private static Map<String, Double> row(Object... namesAndValues) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            out.put((String) namesAndValues[i], ((Number) namesAndValues[i + 1]).doubleValue());
        }
        return out;
    }

    @Test
    void recordsEveryNamePerEpochWithNaNForEpochsWithoutIt() {
        History h = new History();
        h.append(row("loss", 0.5, "accuracy", 0.75));
        h.append(row("loss", 0.25, "val_loss", 0.3));
        assertThat(h.epochs()).isEqualTo(2);
        assertThat(h.names()).containsExactly("loss", "accuracy", "val_loss");
        assertThat(h.get("accuracy")).containsExactly(0.75, Double.NaN);
        assertThat(h.get("val_loss")).containsExactly(Double.NaN, 0.3);
        assertThat(h.last("loss")).isEqualTo(0.25);
        assertThat(h.lastEpoch()).containsExactly(Map.entry("loss", 0.25), Map.entry("accuracy", Double.NaN),
                Map.entry("val_loss", 0.3));
        assertThat(h).hasToString("History(2 epochs: loss, accuracy, val_loss)");
        assertThatThrownBy(() -> h.get("acc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("history: no metric named 'acc'; recorded: [loss, accuracy, val_loss]");
        assertThatThrownBy(() -> new History().last("loss")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesCsvAndJsonThatReadBackExactly() {
        History h = new History();
        h.append(row("loss", 0.1, "lr", 1e-3));
        h.append(row("loss", 1.0 / 3, "lr", 1e-3));
        h.append(row("loss", Double.NaN, "lr", 1e-4));
        assertThat(h.toCsv()).isEqualTo("epoch,loss,lr\n1,0.1,0.001\n2,0.3333333333333333,0.001\n3,NaN,1.0E-4\n");
        assertThat(h.toJson()).isEqualTo("{\n  \"epochs\": 3,\n  \"loss\": [0.1, 0.3333333333333333, null],\n"
                + "  \"lr\": [0.001, 0.001, 1.0E-4]\n}\n");
        assertThat(Double.parseDouble(h.toCsv().split("\n")[2].split(",")[1])).isEqualTo(1.0 / 3);
    }

    @Test
    void jsonStringsAreEscaped() {
        assertThat(Json.string("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
        assertThat(Json.number(Double.POSITIVE_INFINITY)).isEqualTo("null");
        assertThat(Formats.metric(0.23456)).isEqualTo("0.2346");
        assertThat(Formats.metric(1.5e-5)).isEqualTo("1.500e-05");
        assertThat(Formats.metric(0)).isEqualTo("0.0000");
    }
}
