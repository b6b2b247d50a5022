"""New files from existing data: a new ward's plan (`ctt init`, in ``ward``) and a new year's
progress, scores and reports files (`ctt new-year`, in ``year``). Pure: returns file texts; the
commands write them."""
