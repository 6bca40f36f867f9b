package dev.nabla.train;

/** The two JSON value forms the history and the run summaries write: strings and numbers. */
public final class Json {
    private Json() {
    }

    /** {@code s} as a JSON string literal, quoted and escaped. */
    public static String string(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** {@code v} as a JSON number, exactly as {@link Double#toString}; {@code null} for NaN and infinities. */
    public static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }
}
