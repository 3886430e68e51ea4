import { MessagePage, useMessageText } from './common/MessagePage.tsx'

export function NotFoundPage() {
  const { body, ...text } = useMessageText('notFound')
  return (
    <MessagePage {...text} homeStyle="primary">
      <p>{body}</p>
    </MessagePage>
  )
}
