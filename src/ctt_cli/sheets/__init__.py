"""Excel sheets the office fills and ctt reads back: the Biểu chấm điểm and the progress sheet."""
