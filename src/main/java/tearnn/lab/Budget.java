package tearnn.lab;

/** A time budget for one call ({@code "ms"} in a request), and the panel's pace to fill it by. */
record Budget(Pace pace, double seconds) {
}
