## 盲人按摩路径（massage paths）
