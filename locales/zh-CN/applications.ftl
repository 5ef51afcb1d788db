## 申请（applications）
